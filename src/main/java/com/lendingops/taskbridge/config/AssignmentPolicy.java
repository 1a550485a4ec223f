package com.lendingops.taskbridge.config;

/** How a task is assigned when the event names no assignee (config {@code bridge.ingest.assignment.policy}). */
public enum AssignmentPolicy {
    /** Always the first configured assignee. */
    FIXED,
    /** The configured assignees in turn. */
    ROUND_ROBIN,
    /** The configured assignee with the fewest open tasks and pending requests. */
    LEAST_ACTIVE,
    /** The collector of this phone's previous task, else least-active. */
    STICKY
}
