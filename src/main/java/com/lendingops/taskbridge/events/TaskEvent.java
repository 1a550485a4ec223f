package com.lendingops.taskbridge.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvent to publish: its attributes plus the data record serialised as the Kafka value.
 * The id is derived from what the event is about, so a re-publish always carries the same
 * {@code ce_id} and consumers can dedupe on it.
 *
 * @param id      {@code ce_id}, deterministic (see {@link #idFor(String)})
 * @param type    {@code ce_type}
 * @param caseId  record key
 * @param subject {@code ce_subject}: the incs task id when there is one, else null
 * @param time    {@code ce_time}
 * @param data    one of the records in this package, serialised as JSON (snake_case)
 */
public record TaskEvent(String id, EventType type, String caseId, String subject, OffsetDateTime time,
                        Object data) {

    /** A name-based (v3) UUID: the same name always yields the same id. */
    public static String idFor(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static TaskEvent created(TaskCreated data, OffsetDateTime time) {
        return new TaskEvent(idFor("created:" + data.eventId()), EventType.CREATED, data.caseId(),
                String.valueOf(data.taskId()), time, data);
    }

    /** One deferred event per deferral attempt, so each retry decision is visible downstream. */
    public static TaskEvent deferred(TaskDeferred data, int attempt, OffsetDateTime time) {
        return new TaskEvent(idFor("deferred:" + data.eventId() + ":" + attempt), EventType.DEFERRED,
                data.caseId(), data.blockingTaskId() == null ? null : String.valueOf(data.blockingTaskId()),
                time, data);
    }

    public static TaskEvent rejected(TaskNotCreated data, OffsetDateTime time) {
        return new TaskEvent(idFor("rejected:" + data.eventId()), EventType.REJECTED, data.caseId(), null, time,
                data);
    }

    public static TaskEvent failed(TaskNotCreated data, OffsetDateTime time) {
        return new TaskEvent(idFor("failed:" + data.eventId()), EventType.FAILED, data.caseId(), null, time, data);
    }

    /**
     * Status change, keyed by the incs log that reported it, or by the transition itself when incs
     * changed the status without writing a log.
     */
    public static TaskEvent statusChanged(TaskStatusChanged data, Long logId) {
        String name = logId != null ? "log:" + data.taskId() + ":" + logId
                : "status:" + data.taskId() + ":" + data.previousStatus() + "->" + data.status();
        return new TaskEvent(idFor(name), EventType.STATUS_CHANGED, data.caseId(), String.valueOf(data.taskId()),
                data.changedAt(), data);
    }

    public static TaskEvent assigned(TaskAssigned data, long logId) {
        return new TaskEvent(idFor("log:" + data.taskId() + ":" + logId), EventType.ASSIGNED, data.caseId(),
                String.valueOf(data.taskId()), data.assignedAt(), data);
    }

    /**
     * Reassignment that incs reported only through the task's {@code assignee_username}, without a
     * type-2 log: keyed by the transition, like a log-less status change.
     */
    public static TaskEvent assignedWithoutLog(TaskAssigned data) {
        return new TaskEvent(idFor("assignee:" + data.taskId() + ":" + data.previousAssignee() + "->" + data.assignee()),
                EventType.ASSIGNED, data.caseId(), String.valueOf(data.taskId()), data.assignedAt(), data);
    }

    public static TaskEvent remarked(TaskRemarked data, long logId) {
        return new TaskEvent(idFor("log:" + data.taskId() + ":" + logId), EventType.REMARKED, data.caseId(),
                String.valueOf(data.taskId()), data.remarkedAt(), data);
    }

    public static TaskEvent missing(TaskMissing data) {
        return new TaskEvent(idFor("missing:" + data.taskId()), EventType.MISSING, data.caseId(),
                String.valueOf(data.taskId()), data.missingSince(), data);
    }
}
