package com.lendingops.taskbridge.simulator;

/**
 * The per-token request budget: more than {@code requestsPerSecond} requests admitted within any
 * sliding second are answered 429. Answered-429 requests do not use the budget.
 *
 * @param requestsPerSecond the limit; 0 turns the limit off
 * @param retryAfterHeader whether a 429 carries {@code Retry-After} (seconds until a slot frees, at least 1)
 */
public record RateLimit(int requestsPerSecond, boolean retryAfterHeader) {

    public RateLimit {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requests per second must not be negative");
        }
    }

    /** No limit. */
    public static RateLimit none() {
        return new RateLimit(0, false);
    }

    public boolean enabled() {
        return requestsPerSecond > 0;
    }
}
