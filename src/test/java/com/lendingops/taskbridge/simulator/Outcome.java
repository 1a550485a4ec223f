package com.lendingops.taskbridge.simulator;

import java.util.Locale;

/** How the simulator disposed of one request to an /external route; every request gets exactly one. */
public enum Outcome {
    /** POST answered 200 with a new task. */
    CREATED,
    /** GET answered 200 with a page of tasks. */
    OK,
    /** POST answered 400 "User is in an incomplete task."; no task created. */
    CONFLICT,
    /** Answered 422 (validation) or 404 (unknown route). */
    REJECTED,
    /** Answered 401 / code 10001. */
    UNAUTHORIZED,
    /** Answered 500 by fault injection. */
    ERROR_500,
    /** Answered 429 by the rate limit or fault injection. */
    RATE_LIMITED,
    /** Connection reset without a response, before any processing. */
    RESET,
    /** Never answered, before any processing. */
    TIMEOUT,
    /** Task created, then the connection was reset without a response. */
    DROPPED_AFTER_CREATE,
    /** Task created, then never answered. */
    HUNG_AFTER_CREATE,
    /** Answered by the gateway in front of incs (a {@link GatewayPage}); incs never saw the request. */
    GATEWAY;

    /** The counter key, e.g. {@code "error_500"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
