package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.testsupport.BridgeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Sums of Prometheus samples over the live replicas (all label sets of a metric name). */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Metrics() {
    }

    static double sum(List<BridgeProcess> replicas, String name) {
        double total = 0;
        for (BridgeProcess replica : replicas) {
            for (String line : scrape(replica).split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return total;
    }

    /** "200" when the health path answers UP, else the status and body (or the connection error). */
    static String health(BridgeProcess replica, String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? "200" : answer.statusCode() + " " + answer.body().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String scrape(BridgeProcess replica) {
        try {
            // text/plain: the Prometheus text format, one value per line; OpenMetrics (the default) appends
            // tracing exemplars after the value
            return HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/q/metrics"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
