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
 * @param subject {@code ce_subject}: the id of the incs task the event is about (the request's own task), else null
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

    /**
     * One deferred event per deferral attempt, so each retry decision is visible downstream. No ce_subject: the
     * request has no task yet, and the blocking task (in the data) is not what the event is about.
     */
    public static TaskEvent deferred(TaskDeferred data, int attempt, OffsetDateTime time) {
        return new TaskEvent(idFor("deferred:" + data.eventId() + ":" + attempt), EventType.DEFERRED,
                data.caseId(), null, time, data);
    }

    /**
     * Rejection after {@code attempts} attempts (0 at intake). The attempt count is part of the id, so a request an
     * operator retried that is rejected again publishes a second event instead of a duplicate of the first.
     */
    public static TaskEvent rejected(TaskNotCreated data, int attempts, OffsetDateTime time) {
        return new TaskEvent(idFor("rejected:" + data.eventId() + occurrence(attempts)), EventType.REJECTED,
                data.caseId(), null, time, data);
    }

    /** Failure after {@code attempts} attempts; per occurrence like {@link #rejected}. */
    public static TaskEvent failed(TaskNotCreated data, int attempts, OffsetDateTime time) {
        return new TaskEvent(idFor("failed:" + data.eventId() + occurrence(attempts)), EventType.FAILED,
                data.caseId(), null, time, data);
    }

    /** An operator's cancellation of a deferred request: an id of its own, never a duplicate of a failure. */
    public static TaskEvent cancelled(TaskNotCreated data, int attempts, OffsetDateTime time) {
        return new TaskEvent(idFor("cancelled:" + data.eventId() + ":" + attempts), EventType.FAILED,
                data.caseId(), null, time, data);
    }

    private static String occurrence(int attempts) {
        return attempts == 0 ? "" : ":" + attempts;
    }

    /** Status change reported by an incs log (type 3): keyed by that log. */
    public static TaskEvent statusChanged(TaskStatusChanged data, long logId) {
        return new TaskEvent(idFor("log:" + data.taskId() + ":" + logId), EventType.STATUS_CHANGED, data.caseId(),
                String.valueOf(data.taskId()), data.changedAt(), data);
    }

    /**
     * Status change incs made without writing a log: keyed by the task's log-less change sequence, so that
     * every occurrence has an id of its own (the same transition can happen again) while a re-publish of the
     * stored row keeps it.
     */
    public static TaskEvent statusChangedWithoutLog(TaskStatusChanged data, int changeSeq) {
        return new TaskEvent(idFor(withoutLogName(data.taskId(), changeSeq)), EventType.STATUS_CHANGED,
                data.caseId(), String.valueOf(data.taskId()), data.changedAt(), data);
    }

    public static TaskEvent assigned(TaskAssigned data, long logId) {
        return new TaskEvent(idFor("log:" + data.taskId() + ":" + logId), EventType.ASSIGNED, data.caseId(),
                String.valueOf(data.taskId()), data.assignedAt(), data);
    }

    /**
     * Reassignment that incs reported only through the task's {@code assignee_username}, without a type-2
     * log: keyed by the task's log-less change sequence (alice→bob, bob→alice, alice→bob are three events).
     */
    public static TaskEvent assignedWithoutLog(TaskAssigned data, int changeSeq) {
        return new TaskEvent(idFor(withoutLogName(data.taskId(), changeSeq)), EventType.ASSIGNED, data.caseId(),
                String.valueOf(data.taskId()), data.assignedAt(), data);
    }

    /** The n-th log-less change of a task (status, assignee or missing), counted by the sync per task. */
    private static String withoutLogName(long taskId, int changeSeq) {
        return "change:" + taskId + ":" + changeSeq;
    }

    public static TaskEvent remarked(TaskRemarked data, long logId) {
        return new TaskEvent(idFor("log:" + data.taskId() + ":" + logId), EventType.REMARKED, data.caseId(),
                String.valueOf(data.taskId()), data.remarkedAt(), data);
    }

    /** A task declared missing; it may reappear and go missing again, so each time is its own change. */
    public static TaskEvent missing(TaskMissing data, int changeSeq) {
        return new TaskEvent(idFor(withoutLogName(data.taskId(), changeSeq)), EventType.MISSING, data.caseId(),
                String.valueOf(data.taskId()), data.missingSince(), data);
    }
}
