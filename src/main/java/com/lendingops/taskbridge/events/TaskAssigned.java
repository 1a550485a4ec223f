package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/** Data of {@code collection.task.assigned}: incs reassigned the task (log type 2). */
public record TaskAssigned(String eventId, String caseId, long taskId, String assignee, String previousAssignee,
                           OffsetDateTime assignedAt) {
}
