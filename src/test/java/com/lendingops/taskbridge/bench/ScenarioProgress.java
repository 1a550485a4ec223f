package com.lendingops.taskbridge.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * How a scenario's harness tells that the bridge is done with a batch of events, without a wall-clock
 * threshold: by polling what the bridge has recorded until it reaches the target or the scenario's time-out
 * passes (then the last value is reported, and the table shows the shortfall).
 */
final class ScenarioProgress {

    private static final Duration POLL = Duration.ofMillis(50);
    /** A scrape makes the bridge render every histogram, so /q/metrics is polled less often than the database. */
    private static final Duration METRICS_POLL = Duration.ofMillis(200);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final PrintStream out;
    private final String key;

    ScenarioProgress(PrintStream out, Scenario scenario) {
        this.out = out;
        this.key = scenario.key();
    }

    /** Polls until {@code target} requests are created or {@code timeout} passed; returns the last count. */
    long awaitCreated(ScenarioDatabase database, long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        long created = database.createdRequests();
        while (created < target && System.nanoTime() < deadline) {
            sleep(POLL);
            created = database.createdRequests();
            if (System.nanoTime() >= nextProgress) {
                out.printf("(%s) %d/%d created%n", key, created, target);
                nextProgress += PROGRESS_EVERY.toNanos();
            }
        }
        return created;
    }

    /**
     * Polls /q/metrics until both ingest freshness histograms have counted {@code target} observations since the
     * bridge started, or {@code timeout} passed; returns the lower count. The database count alone would end a
     * phase too early for them: "task created" is recorded after the request's transaction commits, and "created
     * published" only when the leader's relay has the broker's acknowledgement of the {@code created} event.
     */
    long awaitFreshnessCounted(String baseUrl, long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long counted = freshnessCount(baseUrl);
        while (counted < target && System.nanoTime() < deadline) {
            sleep(METRICS_POLL);
            counted = freshnessCount(baseUrl);
        }
        return counted;
    }

    /** The lower of the two ingest freshness counts of one scrape; -1 when the scrape fails. */
    private static long freshnessCount(String baseUrl) {
        Optional<String> scrape = BridgeMetrics.scrape(baseUrl);
        return scrape.map(text -> Math.min(
                        PrometheusHistogram.parse(text, BridgeMetrics.EVENT_TO_TASK_CREATED).count(),
                        PrometheusHistogram.parse(text, BridgeMetrics.EVENT_TO_CREATED_PUBLISHED).count()))
                .orElse(-1L);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
