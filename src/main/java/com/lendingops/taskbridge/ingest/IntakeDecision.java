package com.lendingops.taskbridge.ingest;

/** What recording a consumed event decided. */
public enum IntakeDecision {
    /** New and first in line: submit it now. */
    SUBMIT,
    /** Already known (redelivery): nothing to do, the stored request carries on by itself. */
    DUPLICATE,
    /** Valid JSON but not a valid request: stored as rejected with its event. */
    REJECTED,
    /** Waits behind an earlier unresolved request of the same case; the retry scheduler submits it. */
    QUEUED_BEHIND_CASE,
    /** Waits behind an earlier deferred request for the same phone (FIFO per phone). */
    QUEUED_BEHIND_PHONE
}
