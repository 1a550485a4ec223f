package com.lendingops.taskbridge.ingest;

import java.util.Locale;

/** What one step of a request's life came to; the tag of the ingest outcome metric. */
public enum Outcome {
    CREATED, ADOPTED, DEFERRED, REJECTED, FAILED, RETRY, WAITING, DUPLICATE, QUEUED, SUPERSEDED, SUBMITTING, NOT_SENT,
    DEAD_LETTERED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
