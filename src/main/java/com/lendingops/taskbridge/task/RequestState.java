package com.lendingops.taskbridge.task;

/**
 * Life of a collection event on its way to an incs task.
 * {@code received → submitting → created | deferred | rejected | failed}; deferred goes back to
 * submitting when the phone is free again.
 */
public enum RequestState {
    RECEIVED, SUBMITTING, CREATED, DEFERRED, REJECTED, FAILED;

    /** Terminal states are never submitted again: a redelivered event is simply acknowledged. */
    public boolean isTerminal() {
        return this == CREATED || this == REJECTED || this == FAILED;
    }

    /** The value stored in {@code task_request.state}. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
