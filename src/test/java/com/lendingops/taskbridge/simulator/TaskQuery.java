package com.lendingops.taskbridge.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The filters of GET /external/tasks; {@code null} means "no filter". The creation window is
 * inclusive at both ends, at whole-second precision (the API's timestamps have no fractions).
 */
public record TaskQuery(Long taskId, Long creationId, Integer type, Integer status, String name,
                        Instant startAt, Instant endAt) {

    /** No filter at all. */
    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, null);
    }

    /** Only tasks in the given status. */
    public static TaskQuery withStatus(int status) {
        return new TaskQuery(null, null, null, status, null, null, null);
    }

    boolean matches(SimTask task) {
        Instant created = task.createdAt().truncatedTo(ChronoUnit.SECONDS);
        return (taskId == null || task.id() == taskId)
                && (creationId == null || task.creationId() == creationId)
                && (type == null || task.type() == type)
                && (status == null || task.status() == status)
                && (name == null || lower(task.name()).contains(lower(name)))
                && (startAt == null || !created.isBefore(startAt))
                && (endAt == null || !created.isAfter(endAt));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
