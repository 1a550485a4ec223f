package com.lendingops.taskbridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.events.TaskDeferred;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskNotCreated;
import com.lendingops.taskbridge.incs.CreateResult;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.mapping.Rejection;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The request state machine in PostgreSQL: every transition of a submitted request, each in its own short
 * transaction together with the outbox event it causes. An outcome applies only to the attempt it belongs
 * to (the attempts counter is the token), except "created", which always wins: a task that exists must be
 * recorded whatever else happened meanwhile.
 */
@ApplicationScoped
public class RequestLedger {

    static final String INCOMPLETE_TASK = "incomplete_task";

    private final OutboxWriter outbox;
    private final CreatedTaskRecorder tasks;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final Backoff retryBackoff;
    private final Backoff deferBackoff;

    public RequestLedger(OutboxWriter outbox, CreatedTaskRecorder tasks, ObjectMapper json, IngestConfig config) {
        this.outbox = outbox;
        this.tasks = tasks;
        this.json = json;
        this.config = config;
        this.retryBackoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay(),
                config.retry().jitter(), () -> ThreadLocalRandom.current().nextDouble());
        this.deferBackoff = new Backoff(config.defer().initialDelay(), config.defer().maxDelay(),
                config.retry().jitter(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The request as it stands, or null when there is nothing left to submit. */
    public Uni<PendingRequest> load(String eventId) {
        return inTransaction(() -> TaskRequest.<TaskRequest>findById(eventId)
                .map(r -> r == null || r.state.isTerminal() ? null : snapshot(r)));
    }

    /** Marks the start of a POST (state submitting, before the call); null if the request moved on meanwhile. */
    public Uni<PendingRequest> startAttempt(String eventId, int token) {
        return transition(eventId, token, r -> {
            OffsetDateTime now = RequestIntake.now();
            if (r.state == RequestState.SUBMITTING && r.submittedAt != null && r.ambiguousSince == null) {
                // The previous attempt never recorded its outcome (crash): it stays suspect until resolved.
                r.ambiguousSince = r.submittedAt;
            }
            r.state = RequestState.SUBMITTING;
            r.awaitsOwnTask = false;
            r.attempts++;
            r.submittedAt = now;
            r.nextAttemptAt = now.plus(config.retry().claimDuration());
            r.updatedAt = now;
            return Uni.createFrom().item(snapshot(r));
        });
    }

    public Uni<Outcome> created(String eventId, IncsTaskView task, boolean adopted) {
        return inTransaction(() -> TaskRequest.<TaskRequest>findById(eventId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().item(Outcome.SUPERSEDED);
            }
            return tasks.record(r, commandOf(r), task)
                    .map(recorded -> !recorded ? Outcome.SUPERSEDED : adopted ? Outcome.ADOPTED : Outcome.CREATED);
        }));
    }

    /** incs says the phone has an unfinished task. */
    public Uni<Outcome> deferred(String eventId, int token, String message) {
        return transitionOutcome(eventId, token, r -> IncsTask.<IncsTask>find(
                        "userPhone = ?1 and status in (0, 1) order by createdAt desc", r.userPhone).firstResult()
                .chain(blocker -> defer(r, blocker, message)));
    }

    public Uni<Outcome> rejected(String eventId, int token, String message) {
        return transitionOutcome(eventId, token, r -> {
            OffsetDateTime now = RequestIntake.now();
            settle(r, RequestState.REJECTED, message, now);
            return outbox.append(TaskEvent.rejected(new TaskNotCreated(r.eventId, r.caseId,
                    Rejection.INCS_REJECTED.code(), message), now)).replaceWith(Outcome.REJECTED);
        });
    }

    /** A transient failure of the POST; when ambiguous the next attempt first looks the task up. */
    public Uni<Outcome> attemptFailed(String eventId, int token, CreateResult.Unavailable failure) {
        return transitionOutcome(eventId, token, r -> {
            if (failure.ambiguous()) {
                r.ambiguousSince = r.ambiguousSince != null ? r.ambiguousSince : r.submittedAt;
            } else {
                r.state = RequestState.RECEIVED;
            }
            return retryLater(r, failure.retryAfter(), failure.reason());
        });
    }

    /** The reconciliation lookup failed: try the whole step again later, the state stays as it is. */
    public Uni<Outcome> lookupFailed(String eventId, int token, Optional<Duration> retryAfter, String error) {
        return transitionOutcome(eventId, token, r -> retryLater(r, retryAfter, "lookup failed: " + error));
    }

    /**
     * Wait for incs without counting a failure: it refused the token ({@code attemptAnswered}: this attempt
     * certainly created nothing) or is known to be unavailable, so no call was made.
     */
    public Uni<Outcome> waitForIncs(String eventId, int token, String why, boolean attemptAnswered) {
        return transitionOutcome(eventId, token, r -> {
            OffsetDateTime now = RequestIntake.now();
            if (attemptAnswered && r.state == RequestState.SUBMITTING) {
                r.state = RequestState.RECEIVED;
            }
            r.lastError = why;
            r.nextAttemptAt = now.plus(config.retry().probeInterval());
            r.updatedAt = now;
            return Uni.createFrom().item(Outcome.WAITING);
        });
    }

    private Uni<Outcome> retryLater(TaskRequest r, Optional<Duration> retryAfter, String error) {
        OffsetDateTime now = RequestIntake.now();
        r.failures++;
        r.lastError = error;
        r.nextAttemptAt = now.plus(retryBackoff.afterFailures(r.failures, retryAfter));
        r.updatedAt = now;
        return Uni.createFrom().item(Outcome.RETRY);
    }

    private Uni<Outcome> defer(TaskRequest r, IncsTask blocker, String message) {
        OffsetDateTime now = RequestIntake.now();
        r.deferredSince = r.deferredSince != null ? r.deferredSince : now;
        Duration waited = Duration.between(r.deferredSince, now);
        if (blocker == null && waited.compareTo(config.defer().horizon()) >= 0) {
            settle(r, RequestState.FAILED, message, now);
            return outbox.append(TaskEvent.failed(new TaskNotCreated(r.eventId, r.caseId,
                            Rejection.DEFERRAL_HORIZON_EXCEEDED.code(),
                            "the phone was still in another incomplete task after " + waited), now))
                    .replaceWith(Outcome.FAILED);
        }
        r.state = RequestState.DEFERRED;
        r.failures = 0;
        r.lastError = message;
        r.updatedAt = now;
        r.blockingTaskId = blocker == null ? null : blocker.taskId;
        r.awaitsOwnTask = blocker != null;
        r.nextAttemptAt = now.plus(blocker != null ? config.defer().ownTaskRecheck() : deferBackoff.growing(waited));
        OffsetDateTime announced = blocker == null ? r.nextAttemptAt : null;
        return outbox.append(TaskEvent.deferred(new TaskDeferred(r.eventId, r.caseId, INCOMPLETE_TASK,
                        r.blockingTaskId, announced), r.attempts, now))
                .replaceWith(Outcome.DEFERRED);
    }

    private static void settle(TaskRequest r, RequestState state, String message, OffsetDateTime now) {
        r.state = state;
        r.lastError = message;
        r.nextAttemptAt = null;
        r.updatedAt = now;
    }

    private Uni<PendingRequest> transition(String eventId, int token, Function<TaskRequest, Uni<PendingRequest>> change) {
        return inTransaction(() -> TaskRequest.<TaskRequest>findById(eventId)
                .chain(r -> r == null || r.state.isTerminal() || r.attempts != token
                        ? Uni.createFrom().nullItem() : change.apply(r)));
    }

    private Uni<Outcome> transitionOutcome(String eventId, int token, Function<TaskRequest, Uni<Outcome>> change) {
        return inTransaction(() -> TaskRequest.<TaskRequest>findById(eventId)
                .chain(r -> r == null || r.state.isTerminal() || r.attempts != token
                        ? Uni.createFrom().item(Outcome.SUPERSEDED) : change.apply(r)));
    }

    /** Short transaction, repeated on a concurrent update and a few times on database trouble. */
    private <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(DatabaseErrors::isConcurrentUpdate).retry().atMost(3)
                .onFailure(failure -> !DatabaseErrors.isConcurrentUpdate(failure)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(4);
    }

    private PendingRequest snapshot(TaskRequest r) {
        return new PendingRequest(r.eventId, r.caseId, r.state, r.attempts, commandOf(r), r.submittedAt,
                r.ambiguousSince);
    }

    private CreateTaskCommand commandOf(TaskRequest r) {
        try {
            return json.readValue(r.requestBody, CreateTaskCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request body of " + r.eventId + " is unreadable", e);
        }
    }
}
