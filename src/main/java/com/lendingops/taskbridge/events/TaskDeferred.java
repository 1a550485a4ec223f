package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/**
 * Data of {@code collection.task.deferred}: the customer's phone has an unfinished task; the request
 * is submitted again when that task ends (ours) or at {@code nextAttemptAt} (someone else's).
 */
public record TaskDeferred(String eventId, String caseId, String reason, Long blockingTaskId,
                           OffsetDateTime nextAttemptAt) {
}
