package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How fresh the published events are, the figures downstream teams hold an SLO against: from a collection event's
 * consumption to its {@code created} event on Kafka, and from a change incs recorded (its log time) to its event on
 * Kafka. Observed when the broker acknowledged the record, from the origin instant stored on the outbox row
 * ({@link EventOrigin}); published as percentile histograms so Prometheus can compute quantiles across replicas.
 */
@ApplicationScoped
public class PublishFreshness {

    /** Histogram range: sub-second publication up to a long backlog (beyond it, the top bucket). */
    static final Duration MIN = Duration.ofMillis(10);
    static final Duration MAX = Duration.ofMinutes(30);

    private final Clock clock;
    private final Timer createdPublished;
    private final Timer changePublished;

    public PublishFreshness(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.createdPublished = histogram(registry, "bridge.freshness.event.to.created.published",
                "collection event consumed to its created event acknowledged by Kafka");
        this.changePublished = histogram(registry, "bridge.freshness.change.to.published",
                "task change logged by incs to its event acknowledged by Kafka");
    }

    /** A histogram in seconds with percentile buckets (names end in _seconds in Prometheus). */
    public static Timer histogram(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(MIN).maximumExpectedValue(MAX).register(registry);
    }

    /** The row was acknowledged by the broker now. */
    void published(PendingEvent row) {
        if (row.originAt() == null) {
            return;
        }
        Timer timer = timerFor(row.ceType());
        if (timer != null) {
            timer.record(since(row.originAt().toInstant()));
        }
    }

    private Timer timerFor(String ceType) {
        if (EventType.CREATED.ceType().equals(ceType)) {
            return createdPublished;
        }
        if (EventType.STATUS_CHANGED.ceType().equals(ceType) || EventType.ASSIGNED.ceType().equals(ceType)
                || EventType.REMARKED.ceType().equals(ceType)) {
            return changePublished;
        }
        return null;
    }

    /** Never negative: incs logs in whole seconds (and its clock may run ahead), so a fast event can look early. */
    private Duration since(Instant origin) {
        Duration elapsed = Duration.between(origin, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
