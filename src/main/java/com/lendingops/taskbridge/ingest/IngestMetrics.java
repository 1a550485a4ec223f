package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.MalformedReason;
import com.lendingops.taskbridge.outbox.PublishFreshness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ingest metrics (Prometheus names in brackets): events consumed by type
 * [bridge_ingest_events_consumed_total{type}], outcomes of each step [bridge_ingest_outcomes_total{outcome}],
 * records sent to the dead-letter topic [bridge_ingest_dead_lettered_total{reason}], units in flight
 * [bridge_ingest_in_flight], requests waiting as deferred [bridge_ingest_deferred], how long the oldest of them
 * has waited [bridge_ingest_deferred_oldest_age_seconds] and whether consumption is paused [bridge_ingest_paused]. Event types other than the one we handle are counted as "other" so a
 * producer cannot blow up the number of series.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer taskCreated;
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong paused = new AtomicLong();
    private final AtomicReference<Instant> oldestDeferredSince = new AtomicReference<>();

    public IngestMetrics(MeterRegistry registry, KeyedWorkQueue queue, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.taskCreated = PublishFreshness.histogram(registry, "bridge.freshness.event.to.task.created",
                "collection event consumed to its task known created at incs");
        Gauge.builder("bridge.ingest.in.flight", queue, KeyedWorkQueue::inFlight)
                .description("Ingest units (events or retries) being worked on by this replica").register(registry);
        Gauge.builder("bridge.ingest.deferred", deferred, AtomicLong::get)
                .description("Requests deferred because the phone has an unfinished task").register(registry);
        Gauge.builder("bridge.ingest.deferred.oldest.age", this, IngestMetrics::oldestDeferredAgeSeconds)
                .description("How long the oldest deferred request has waited (0 when none)").baseUnit("seconds")
                .register(registry);
        Gauge.builder("bridge.ingest.paused", paused, AtomicLong::get)
                .description("1 while consumption of collection events is paused").register(registry);
    }

    public void consumed(String eventType) {
        String type = EventParser.REQUESTED.equals(eventType) ? eventType : "other";
        counter("bridge.ingest.events.consumed", "type", type, "Collection events consumed").increment();
    }

    public void malformed(MalformedReason reason) {
        counter("bridge.ingest.events.consumed", "type", "malformed", "Collection events consumed").increment();
        counter("bridge.ingest.dead.lettered", "reason", reason.headerValue(),
                "Records sent to the dead-letter topic").increment();
    }

    public void outcome(Outcome outcome) {
        counter("bridge.ingest.outcomes", "outcome", outcome.tag(), "Outcomes of ingest steps").increment();
    }

    /** A lookup of an earlier attempt's task that did not cover every page [bridge_ingest_lookups_failed_total]. */
    public void lookupFailed() {
        counter("bridge.ingest.lookups.failed", "kind", "reconcile", "Task lookups that could not prove anything")
                .increment();
    }

    /** A record the database refused for good, dead-lettered [bridge_ingest_dead_lettered_total{reason=unstorable}]. */
    public void unstorable() {
        counter("bridge.ingest.dead.lettered", "reason", CollectionEventConsumer.UNSTORABLE,
                "Records sent to the dead-letter topic").increment();
    }

    /**
     * The request's task is known to exist at incs now (created, or found after a lost answer)
     * [bridge_freshness_event_to_task_created_seconds].
     */
    public void taskCreated(Instant consumedAt) {
        Duration elapsed = Duration.between(consumedAt, clock.instant());
        taskCreated.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    public void deferredCount(long count) {
        deferred.set(count);
    }

    /** When the oldest deferred request was deferred, null when none is. */
    public void oldestDeferredSince(Instant since) {
        oldestDeferredSince.set(since);
    }

    /** Measured against now, so the age keeps growing between two counts. */
    double oldestDeferredAgeSeconds() {
        Instant since = oldestDeferredSince.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    public void paused(boolean isPaused) {
        paused.set(isPaused ? 1 : 0);
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value).description(description).register(registry);
    }
}
