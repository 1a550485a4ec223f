package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskNotCreated;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The two things an operator may do to a request, as transitions of the normal request lifecycle (the single
 * entry point for them, to be re-pointed at the lifecycle type when the ingest core is rebuilt):
 * <ul>
 *   <li><b>retry</b> a {@code failed} or {@code rejected} request: it goes back to {@code received}, due now, and
 *   the retry scheduler submits it like any other (claim, reconciliation of an ambiguous earlier attempt, one
 *   POST, per-case order), so exactly-once holds as for every attempt. An event rejected at intake has no stored
 *   incs request and cannot be retried: the producer must send a corrected event.</li>
 *   <li><b>cancel</b> a {@code deferred} request: it ends {@code failed} with reason
 *   {@code cancelled_by_operator}, and {@code collection.task.failed} is written to the outbox in the same
 *   transaction.</li>
 * </ul>
 * A concurrent change (the scheduler started an attempt meanwhile) wins: the action reports NotAllowed.
 */
@ApplicationScoped
public class OperatorRequestActions {

    public static final String CANCELLED_BY_OPERATOR = "cancelled_by_operator";

    private final OutboxWriter outbox;
    private final RetryScheduler scheduler;
    private final Clock clock;

    public OperatorRequestActions(OutboxWriter outbox, RetryScheduler scheduler, Clock clock) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public Uni<OperatorActionResult> retry(String eventId, String actor) {
        return change(eventId, r -> {
            if (r.state != RequestState.FAILED && r.state != RequestState.REJECTED) {
                return notAllowed(r, "only failed or rejected requests can be retried");
            }
            if (r.requestBody == null) {
                return notAllowed(r, "rejected at intake (the event itself is invalid): send a corrected event");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            r.state = RequestState.RECEIVED;
            r.nextAttemptAt = now;
            r.failures = 0;
            r.deferredSince = null;
            r.blockingTaskId = null;
            r.awaitsOwnTask = false;
            r.lastError = "retry requested by " + actor + " after: " + r.lastError;
            r.updatedAt = now;
            return Uni.createFrom().item(new OperatorActionResult.Applied(r.state.dbValue()));
        }).invoke(result -> {
            if (result instanceof OperatorActionResult.Applied) {
                scheduler.pollSoon();
            }
        });
    }

    public Uni<OperatorActionResult> cancel(String eventId, String actor) {
        return change(eventId, r -> {
            if (r.state != RequestState.DEFERRED) {
                return notAllowed(r, "only deferred requests can be cancelled");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            RequestLedger.settle(r, RequestState.FAILED, CANCELLED_BY_OPERATOR, now);
            TaskNotCreated data = new TaskNotCreated(r.eventId, r.caseId, CANCELLED_BY_OPERATOR,
                    "cancelled by operator " + actor + " while deferred");
            return outbox.append(cancelled(data, r.attempts, now))
                    .replaceWith(new OperatorActionResult.Applied(r.state.dbValue()));
        });
    }

    private Uni<OperatorActionResult> change(String eventId,
                                             Function<TaskRequest, Uni<OperatorActionResult>> transition) {
        return Panache.withTransaction(() -> TaskRequest.<TaskRequest>findById(eventId)
                        .chain(r -> r == null ? Uni.createFrom().item(new OperatorActionResult.NotFound())
                                : transition.apply(r)))
                .onFailure(DatabaseErrors::isConcurrentUpdate).recoverWithItem(
                        new OperatorActionResult.NotAllowed(null, "the request changed meanwhile; look again"));
    }

    /**
     * {@code collection.task.failed} with a ce_id of its own: a request retried after an earlier failure would
     * otherwise reuse that failure's id, and the outbox would drop the cancellation as a duplicate.
     */
    private static TaskEvent cancelled(TaskNotCreated data, int attempts, OffsetDateTime now) {
        TaskEvent failed = TaskEvent.failed(data, now);
        return new TaskEvent(TaskEvent.idFor("cancelled:" + data.eventId() + ":" + attempts), failed.type(),
                failed.caseId(), failed.subject(), failed.time(), failed.data());
    }

    private static Uni<OperatorActionResult> notAllowed(TaskRequest r, String reason) {
        return Uni.createFrom().item(new OperatorActionResult.NotAllowed(r.state.dbValue(), reason));
    }
}
