package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the global incs rate budget, rather than the work this replica can do, is what limits throughput now.
 * The budget row is shared by every replica, so the wait a reservation is told (how far ahead its slot lies) is the
 * length of the global queue in time: a wait of {@code incs.rate-limit-saturation-wait} or more means at least that
 * much of the budget is already promised, and more pods would only queue longer. Saturation holds for
 * {@code incs.rate-limit-saturation-hold} after the last such wait so the signal does not flap between calls.
 * Exposed as {@code incs_api_rate_budget_saturated} (0/1) and {@code incs_api_rate_budget_per_second} (the
 * configured total, 0 = unlimited) for dashboards, alerts and the autoscaler; created at start so both exist before
 * the first reservation (with an unlimited budget there is none).
 */
@Startup
@ApplicationScoped
public class RateBudgetPressure {

    private final boolean limited;
    private final Duration saturationWait;
    private final Duration hold;
    private final Clock clock;
    private final AtomicReference<Instant> lastSaturatedAt = new AtomicReference<>();

    public RateBudgetPressure(IncsConfig config, Clock clock, MeterRegistry registry) {
        this.limited = config.rateLimitPerSecond() > 0;
        this.saturationWait = config.rateLimitSaturationWait();
        this.hold = config.rateLimitSaturationHold();
        this.clock = clock;
        Gauge.builder("incs.api.rate_budget.saturated", this, p -> p.saturated() ? 1 : 0)
                .description("1 while calls queue for the shared incs rate budget: it, not the pods, limits throughput")
                .register(registry);
        Gauge.builder("incs.api.rate_budget.per_second", config, IncsConfig::rateLimitPerSecond)
                .description("incs calls per second allowed across all replicas (0 = unlimited)").register(registry);
    }

    /** A slot was reserved {@code waitForSlot} ahead of now (the global queue in front of this call). */
    void slotReserved(Duration waitForSlot) {
        if (waitForSlot.compareTo(saturationWait) >= 0) {
            lastSaturatedAt.set(clock.instant());
        }
    }

    /** No slot was free before the caller's deadline: the queue is longer than the caller could wait. */
    void noSlotInTime() {
        lastSaturatedAt.set(clock.instant());
    }

    /** True while the budget is limited and a call had to wait long for its slot within the hold time. */
    public boolean saturated() {
        return limited && isSaturated(lastSaturatedAt.get(), clock.instant(), hold);
    }

    /** The rule: a long wait seen at {@code last} (null = never) still counts at {@code now} within {@code hold}. */
    static boolean isSaturated(Instant last, Instant now, Duration hold) {
        return last != null && !now.isAfter(last.plus(hold));
    }
}
