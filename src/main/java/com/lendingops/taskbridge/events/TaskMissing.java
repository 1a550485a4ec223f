package com.lendingops.taskbridge.events;

import java.time.OffsetDateTime;

/**
 * Data of {@code collection.task.missing}: incs stopped returning a task we track. The task is then re-checked
 * at a slower cadence; if it reappears its changes are published again (a later disappearance is a new event).
 */
public record TaskMissing(String eventId, String caseId, long taskId, int lastStatus, int missedCycles,
                          OffsetDateTime missingSince) {
}
