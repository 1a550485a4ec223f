package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.mapping.MalformedReason;

/** Nack reason of a record that cannot be read; its message becomes the dead-letter-reason header. */
public class MalformedEventException extends RuntimeException {

    private final MalformedReason reason;

    public MalformedEventException(MalformedReason reason, String detail) {
        super(reason.headerValue() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public MalformedReason reason() {
        return reason;
    }
}
