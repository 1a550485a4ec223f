package com.lendingops.taskbridge.sync;

/** What this service last recorded about a tracked task: the base against which incs' view is compared. */
public record KnownTask(long taskId, String eventId, String caseId, int status, String assignee) {
}
