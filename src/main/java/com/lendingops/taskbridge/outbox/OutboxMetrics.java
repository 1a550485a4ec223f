package com.lendingops.taskbridge.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges of the outbox backlog, refreshed periodically on every replica (they all read the same
 * table): {@code outbox.pending} rows and {@code outbox.lag.seconds}, the age of the oldest one.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final OutboxStore store;
    private final Clock clock;
    private final AtomicReference<OutboxStore.Backlog> backlog =
            new AtomicReference<>(new OutboxStore.Backlog(0, null));

    public OutboxMetrics(OutboxStore store, MeterRegistry registry, Clock clock) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("outbox.pending", backlog, b -> b.get().pending())
                .description("outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder("outbox.parked", backlog, b -> b.get().parked())
                .description("outbox rows parked after Kafka refused them for good (alert when above 0)")
                .register(registry);
        Gauge.builder("outbox.lag.seconds", this, OutboxMetrics::lagSeconds)
                .description("age of the oldest outbox row not yet acknowledged by Kafka").baseUnit("seconds")
                .register(registry);
    }

    public Uni<Void> refresh() {
        return store.backlog().invoke(backlog::set).replaceWithVoid();
    }

    /** Measured against now, so the lag keeps growing between refreshes while nothing is published. */
    public double lagSeconds() {
        OffsetDateTime oldest = backlog.get().oldestPendingAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0);
    }

    public long parked() {
        return backlog.get().parked();
    }

    public long pending() {
        return backlog.get().pending();
    }
}
