package com.lendingops.taskbridge.events;

/**
 * Data of {@code collection.task.rejected} (the event or incs said the request is invalid) and
 * {@code collection.task.failed} (gave up after the retry horizon).
 */
public record TaskNotCreated(String eventId, String caseId, String reason, String details) {
}
