package com.lendingops.taskbridge.incs;

import java.time.Duration;
import java.util.Optional;

/** A GET /external/tasks call that failed after the client's own retries; {@code unauthorized} for 401/10001. */
public class IncsCallException extends RuntimeException {

    private final boolean unauthorized;
    private final transient Optional<Duration> retryAfter;

    public IncsCallException(String message, boolean unauthorized, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.unauthorized = unauthorized;
        this.retryAfter = retryAfter;
    }

    public boolean unauthorized() {
        return unauthorized;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
