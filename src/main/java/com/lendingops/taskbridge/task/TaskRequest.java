package com.lendingops.taskbridge.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * One consumed collection event, keyed by its {@code event_id}: the idempotency record that makes
 * "exactly one task per event" hold across redelivery, rebalances and crashes.
 */
@Entity
@Table(name = "task_request")
public class TaskRequest extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** Normalised digits; null when the phone could not be normalised (request rejected). */
    @Column(name = "user_phone")
    public String userPhone;

    public String assignee;

    @Column(nullable = false)
    public RequestState state;

    /** The POST /external/tasks body as sent (JSON), kept so retries send exactly the same request. */
    @Column(name = "request_body")
    public String requestBody;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** When the latest POST attempt started: the centre of the reconciliation search window. */
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "deferred_since")
    public OffsetDateTime deferredSince;

    @Column(name = "blocking_task_id")
    public Long blockingTaskId;

    @Column(name = "task_id")
    public Long taskId;

    /** Consecutive transient failures; drives the exponential backoff, reset by any definite answer. */
    public int failures;

    /** Start of the earliest attempt with an unknown outcome: retries reconcile from here first. */
    @Column(name = "ambiguous_since")
    public OffsetDateTime ambiguousSince;

    /** Deferred until a task of ours on this phone ends (blocking, or queued behind an earlier request). */
    @Column(name = "awaits_own_task")
    public boolean awaitsOwnTask;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
