package com.lendingops.taskbridge.events;

/** The CloudEvents {@code type} values published on the task events topic (a public contract). */
public enum EventType {
    CREATED("collection.task.created"),
    DEFERRED("collection.task.deferred"),
    REJECTED("collection.task.rejected"),
    FAILED("collection.task.failed"),
    STATUS_CHANGED("collection.task.status-changed"),
    ASSIGNED("collection.task.assigned"),
    REMARKED("collection.task.remarked"),
    MISSING("collection.task.missing");

    private final String ceType;

    EventType(String ceType) {
        this.ceType = ceType;
    }

    /** The value of the {@code ce_type} header. */
    public String ceType() {
        return ceType;
    }
}
