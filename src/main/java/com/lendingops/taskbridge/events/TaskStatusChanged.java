package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/** Data of {@code collection.task.status-changed}; {@code statusName} is one of not_started, in_progress, completed, terminated. */
public record TaskStatusChanged(String eventId, String caseId, long taskId, Integer previousStatus, int status,
                                String statusName, OffsetDateTime changedAt, String assignee) {
}
