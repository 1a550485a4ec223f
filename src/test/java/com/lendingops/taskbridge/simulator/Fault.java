package com.lendingops.taskbridge.simulator;

import java.util.Locale;

/** A misbehaviour the simulator can inject into the next requests ("fail the next N"). */
public enum Fault {
    /** Answer 500 "Server Error." */
    ERROR_500,
    /** Answer 429 "Too Many Attempts." (Retry-After as the rate limit says). */
    RATE_LIMITED,
    /** Reset the connection (TCP RST) before processing the request. */
    RESET,
    /** Never answer, before processing the request. */
    TIMEOUT,
    /** Create the task, then reset the connection without answering (POST only). */
    DROP_AFTER_CREATE,
    /** Create the task, then never answer (POST only). */
    HANG_AFTER_CREATE;

    /** Reads {@code "error_500"}, {@code "reset"}, ... (case-insensitive, dashes allowed). */
    public static Fault parse(String name) {
        return valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
