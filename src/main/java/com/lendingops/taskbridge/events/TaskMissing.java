package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/** Data of {@code collection.task.missing}: incs no longer returns a task we track; tracking stops. */
public record TaskMissing(String eventId, String caseId, long taskId, int lastStatus, int missedCycles,
                          OffsetDateTime missingSince) {
}
