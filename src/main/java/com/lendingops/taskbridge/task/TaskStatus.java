package com.lendingops.taskbridge.task;

import java.util.Arrays;

/** incs task statuses and the names published in {@code collection.task.status-changed}. */
public enum TaskStatus {
    NOT_STARTED(0, "not_started"),
    IN_PROGRESS(1, "in_progress"),
    COMPLETED(2, "completed"),
    TERMINATED(3, "terminated");

    private final int code;
    private final String publishedName;

    TaskStatus(int code, String publishedName) {
        this.code = code;
        this.publishedName = publishedName;
    }

    public int code() {
        return code;
    }

    public String publishedName() {
        return publishedName;
    }

    /** Completed and terminated tasks no longer block the phone and end tracking. */
    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED;
    }

    public static TaskStatus of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown incs task status " + code));
    }
}
