package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.context.FreshContexts;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** bridge_ingest_deferred_oldest_age_seconds: how long the oldest deferred request has waited, 0 when none. */
class DeferredAgeMetricTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry, new KeyedWorkQueue(1, new FreshContexts(null)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theAgeIsMeasuredAgainstNowFromTheOldestDeferredSince() {
        metrics.oldestDeferredSince(NOW.minus(Duration.ofMinutes(90)));

        assertThat(age()).isEqualTo(5400.0);
    }

    @Test
    void noDeferredRequestMeansAgeZero() {
        metrics.oldestDeferredSince(NOW.minus(Duration.ofHours(1)));
        metrics.oldestDeferredSince(null);

        assertThat(age()).isZero();
    }

    private double age() {
        return registry.get("bridge.ingest.deferred.oldest.age").gauge().value();
    }
}
