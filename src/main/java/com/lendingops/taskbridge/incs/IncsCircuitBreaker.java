package com.lendingops.taskbridge.incs;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Consecutive-failure circuit breaker for incs calls. Closed: every call passes and transient failures are
 * counted; the threshold opens it. Open: calls are refused until the delay has passed, then exactly one probe
 * is let through (half-open). The probe's answer closes it (any real answer from incs) or re-opens it (another
 * transient failure). Answers of calls that started before the circuit opened are ignored while it is open, so
 * only the probe decides. Thread-safe; time comes from an injectable nanosecond ticker.
 */
final class IncsCircuitBreaker {

    /** What a caller may do now. */
    enum Permission { PASS, PROBE, REFUSED }

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openDelayNanos;
    private final LongSupplier ticker;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;

    IncsCircuitBreaker(int failureThreshold, Duration openDelay, LongSupplier ticker) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openDelayNanos = openDelay.toNanos();
        this.ticker = ticker;
    }

    synchronized Permission tryEnter() {
        if (state == State.CLOSED) {
            return Permission.PASS;
        }
        if (state == State.OPEN && delayElapsed()) {
            state = State.HALF_OPEN;
            return Permission.PROBE;
        }
        return Permission.REFUSED;
    }

    /** Records an answer; {@code transientFailure} for anything classified unavailable. */
    synchronized void onAnswer(Permission permission, boolean transientFailure) {
        if (permission == Permission.PROBE) {
            if (transientFailure) {
                open();
            } else {
                close();
            }
            return;
        }
        if (state != State.CLOSED) {
            return;
        }
        if (!transientFailure) {
            consecutiveFailures = 0;
        } else if (++consecutiveFailures >= failureThreshold) {
            open();
        }
    }

    /** The call ended without reaching incs (cancelled, no rate slot): a probe must not keep the circuit stuck. */
    synchronized void onAbandoned(Permission permission) {
        if (permission == Permission.PROBE && state == State.HALF_OPEN) {
            state = State.OPEN;
            openedAt = ticker.getAsLong() - openDelayNanos;
        }
    }

    /** True while open or half-open: incs is considered unavailable. */
    synchronized boolean isOpen() {
        return state != State.CLOSED;
    }

    /** True when the open delay has passed and no probe is out: the next call would be the probe. */
    synchronized boolean probeDue() {
        return state == State.OPEN && delayElapsed();
    }

    /** Time until a probe may go, zero when closed or due. */
    synchronized Duration remainingOpen() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openDelayNanos - (ticker.getAsLong() - openedAt)));
    }

    private boolean delayElapsed() {
        return ticker.getAsLong() - openedAt >= openDelayNanos;
    }

    private void open() {
        state = State.OPEN;
        openedAt = ticker.getAsLong();
        consecutiveFailures = 0;
    }

    private void close() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }
}
