package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/** Data of {@code collection.task.remarked}: an agent added a remark (log type 4). */
public record TaskRemarked(String eventId, String caseId, long taskId, String comment, String author,
                           OffsetDateTime remarkedAt) {
}
