package com.lendingops.taskbridge.task;

/**
 * CDI event fired (after commit) when a task of ours reached status 2 or 3, so that the oldest
 * deferred request for the same phone can be submitted next.
 */
public record TaskEnded(long taskId, String userPhone, int status) {
}
