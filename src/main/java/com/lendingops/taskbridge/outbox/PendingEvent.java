package com.lendingops.taskbridge.outbox;

import java.time.OffsetDateTime;

/**
 * An outbox row not yet acknowledged by Kafka, as the relay reads it, with the trace it continues ({@code traceparent},
 * may be null) and the instant its story began ({@code originAt}, may be null; see {@link EventOrigin}).
 */
public record PendingEvent(long id, String ceId, String ceType, String ceSubject, OffsetDateTime ceTime,
                           String recordKey, String payload, String traceparent, OffsetDateTime originAt) {

    /** A row without trace or origin. */
    public PendingEvent(long id, String ceId, String ceType, String ceSubject, OffsetDateTime ceTime, String recordKey,
                        String payload) {
        this(id, ceId, ceType, ceSubject, ceTime, recordKey, payload, null, null);
    }
}
