package com.lendingops.taskbridge.outbox;

import java.time.OffsetDateTime;

/** An outbox row not yet acknowledged by Kafka, as the relay reads it. */
public record PendingEvent(long id, String ceId, String ceType, String ceSubject, OffsetDateTime ceTime,
                           String recordKey, String payload) {
}
