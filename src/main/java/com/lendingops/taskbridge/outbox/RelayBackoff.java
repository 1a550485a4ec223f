package com.lendingops.taskbridge.outbox;

import java.time.Duration;

/** Exponential pause between relay passes while Kafka (or the database) keeps failing. */
final class RelayBackoff {

    private final Duration initial;
    private final Duration max;
    private int failures;
    private long retryAtNanos;

    RelayBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    synchronized boolean waiting() {
        return failures > 0 && System.nanoTime() - retryAtNanos < 0;
    }

    synchronized void succeeded() {
        failures = 0;
    }

    /** Emits the pause chosen before the next attempt. */
    synchronized Duration failed() {
        failures++;
        Duration pause = initial.multipliedBy(1L << Math.min(failures - 1, 20));
        if (pause.compareTo(max) > 0) {
            pause = max;
        }
        retryAtNanos = System.nanoTime() + pause.toNanos();
        return pause;
    }
}
