package com.lendingops.taskbridge.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Retry delays: exponential in the number of consecutive failures, capped, with random jitter so that
 * requests failing together do not retry together; a server's Retry-After is a lower bound.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param jitter fraction of the delay added at random (0.2 = up to +20 %)
     * @param random uniform values in [0, 1)
     */
    public Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.jitter = Math.max(0, jitter);
        this.random = random;
    }

    /** Delay before the next attempt after {@code failures} consecutive failures (1 = the first). */
    public Duration afterFailures(int failures, Optional<Duration> retryAfter) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration base = initial.multipliedBy(1L << doublings);
        Duration delay = withJitter(base.compareTo(max) > 0 ? max : base);
        return retryAfter.filter(r -> r.compareTo(delay) > 0).orElse(delay);
    }

    /**
     * Delay before re-submitting a request that has waited {@code waited} already: the wait roughly
     * doubles each time without a counter, between the initial and the maximum delay.
     */
    public Duration growing(Duration waited) {
        Duration base = waited.compareTo(initial) < 0 ? initial : waited.compareTo(max) > 0 ? max : waited;
        return withJitter(base);
    }

    private Duration withJitter(Duration base) {
        long extra = (long) (base.toMillis() * jitter * random.getAsDouble());
        return base.plusMillis(extra);
    }
}
