package com.lendingops.taskbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Scrapes the bridge's Prometheus endpoint from outside, as a monitoring system would, and names the histograms
 * the benchmarks read from it (docs/operations.md, "Freshness").
 */
final class BridgeMetrics {

    /** incs calls (sending and the answer), selected with {@link #CREATE_ROUTE}. */
    static final String INCS_CALLS = "incs_api_calls_seconds";
    static final Map<String, String> CREATE_ROUTE = Map.of("route", "create");
    /** Collection event consumed → its task known created at incs (the replica that created it). */
    static final String EVENT_TO_TASK_CREATED = "bridge_freshness_event_to_task_created_seconds";
    /** Collection event consumed → its {@code created} event acknowledged by Kafka (the leader's relay). */
    static final String EVENT_TO_CREATED_PUBLISHED = "bridge_freshness_event_to_created_published_seconds";
    /** Change logged by incs → its status-changed, assigned or remarked event acknowledged by Kafka. */
    static final String CHANGE_TO_PUBLISHED = "bridge_freshness_change_to_published_seconds";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BridgeMetrics() {
    }

    /** {@code baseUrl}/q/metrics in the Prometheus text format; empty if the scrape fails. */
    static Optional<String> scrape(String baseUrl) {
        // text/plain: the Prometheus text format; OpenMetrics (the default) appends tracing exemplars to samples
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Optional.of(answer.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What histogram {@code name} recorded between two scrapes; nothing when either scrape failed. */
    static PrometheusHistogram between(Optional<String> earlier, Optional<String> later, String name) {
        return between(earlier, later, name, Map.of());
    }

    /** The same, only the label sets that carry every label of {@code selector}. */
    static PrometheusHistogram between(Optional<String> earlier, Optional<String> later, String name,
                                       Map<String, String> selector) {
        return earlier.flatMap(e -> later.map(l -> PrometheusHistogram.between(e, l, name, selector)))
                .orElseGet(PrometheusHistogram::empty);
    }
}
