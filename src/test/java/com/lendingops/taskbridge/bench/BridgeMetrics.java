package com.lendingops.taskbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads what the benchmark observes from outside the bridge: its Prometheus scrape and the machine's load. */
final class BridgeMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BridgeMetrics() {
    }

    /** The create-call latency histogram from {@code baseUrl}/q/metrics; empty if the scrape fails. */
    static CallLatencyHistogram scrapeCallLatency(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return CallLatencyHistogram.parse(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return CallLatencyHistogram.parse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** 1-minute load average (negative where the platform does not report one). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
