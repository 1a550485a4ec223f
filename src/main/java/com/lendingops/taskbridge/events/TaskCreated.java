package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/** Data of {@code collection.task.created}: incs accepted the request and created the task. */
public record TaskCreated(String eventId, String caseId, long taskId, Long creationId, String conversationId,
                          Long authId, String assignee, int status, OffsetDateTime createdAt) {
}
