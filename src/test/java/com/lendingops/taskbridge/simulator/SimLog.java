package com.lendingops.taskbridge.simulator;

import java.time.Instant;

/**
 * One entry of a task's {@code logs[]}, as incs lists it. Immutable.
 *
 * @param type {@link #CREATED}, {@link #ASSIGNED}, {@link #STATUS_CHANGED} or {@link #REMARK}
 */
public record SimLog(long id, int type, int status, int preStatus, String assigneeUsername, String comment,
                     Instant createdAt, Instant updatedAt) {

    /** Log type 1: task created. */
    public static final int CREATED = 1;
    /** Log type 2: task assigned ({@code assignee_username} set). */
    public static final int ASSIGNED = 2;
    /** Log type 3: status change ({@code pre_status} → {@code status}). */
    public static final int STATUS_CHANGED = 3;
    /** Log type 4: remark ({@code comment} set, status unchanged). */
    public static final int REMARK = 4;
}
