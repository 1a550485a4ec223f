package com.lendingops.taskbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Scrapes the bridge's Prometheus endpoint from outside, as a monitoring system would. */
final class BridgeMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BridgeMetrics() {
    }

    /** The create-call latency histogram from {@code baseUrl}/q/metrics; empty if the scrape fails. */
    static CallLatencyHistogram scrapeCallLatency(String baseUrl) {
        // text/plain: the Prometheus text format; OpenMetrics (the default) appends tracing exemplars to samples
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).header("Accept", "text/plain")
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
}
