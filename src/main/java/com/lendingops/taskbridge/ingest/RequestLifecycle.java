package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.events.TaskCreated;
import com.lendingops.taskbridge.events.TaskDeferred;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskNotCreated;
import com.lendingops.taskbridge.mapping.Rejection;
import com.lendingops.taskbridge.task.RequestState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of a request's life: every state, every transition, both ordering rules (per case, per phone) and
 * the claim that fences an attempt. Pure: it takes the row as it is and what happened, and returns the row as it must
 * be plus the outbox events the change causes; {@link RequestStore} only loads and writes. Time comes from the
 * injected {@link Clock}, so every rule is tested without a database ({@code RequestLifecycleTest},
 * {@code RequestLifecyclePropertyTest}); the scheduler's SQL form of {@link #isDue} is checked against it by
 * {@code DueRuleAgreementTest}.
 * <pre>
 * received ─claim/intake─▶ submitting ─answer─▶ created | rejected | deferred | failed | received (retry)
 * deferred ─due─▶ submitting                     created always wins, from any state
 * </pre>
 */
public final class RequestLifecycle {

    static final String QUEUED_REASON = "queued_behind_deferred_request";
    static final String INCOMPLETE_TASK = "incomplete_task";
    static final String BLOCKING_TASK_UNTRACKED = "blocking_task_untracked";
    public static final String CANCELLED_BY_OPERATOR = "cancelled_by_operator";

    private final Clock clock;
    private final LifecycleTiming timing;

    public RequestLifecycle(Clock clock, LifecycleTiming timing) {
        this.clock = clock;
        this.timing = timing;
    }

    /** The row after a transition, the events it causes (same transaction), and how the step ended. */
    public record Change(RequestRow row, List<TaskEvent> events, Outcome outcome) {

        static Change none(RequestRow row, Outcome outcome) {
            return new Change(row, List.of(), outcome);
        }
    }

    /** What intake knows about the request's neighbours when it arrives. */
    public record IntakeFacts(boolean earlierOpenOfCase, boolean phoneQueue) {
    }

    /** A new valid request: submitted at once (claimed, attempt 1) or queued behind its case or its phone. */
    public Change admit(RequestRow fresh, IntakeFacts facts) {
        Instant now = clock.instant();
        RequestRow.Edit e = fresh.edit();
        if (facts.earlierOpenOfCase()) {
            e.state = RequestState.RECEIVED;
            e.nextAttemptAt = now;
            return new Change(e.done(), List.of(), Outcome.QUEUED);
        }
        if (facts.phoneQueue()) {
            e.state = RequestState.DEFERRED;
            e.deferredSince = now;
            e.awaitsOwnTask = true;
            e.nextAttemptAt = now.plus(timing.ownTaskRecheck());
            return new Change(e.done(), List.of(TaskEvent.deferred(new TaskDeferred(fresh.eventId(), fresh.caseId(),
                    QUEUED_REASON, null, null), 0, at(now))), Outcome.DEFERRED);
        }
        e.state = RequestState.SUBMITTING;
        e.attempts = 1;
        e.submittedAt = now;
        e.claimToken = fresh.claimToken() + 1;
        e.claimUntil = now.plus(timing.claim());
        e.nextAttemptAt = e.claimUntil;
        return new Change(e.done(), List.of(), Outcome.SUBMITTING);
    }

    /** The event itself is invalid: stored as rejected, never sent. */
    public Change rejectAtIntake(RequestRow fresh, String reason, String details) {
        Instant now = clock.instant();
        RequestRow.Edit e = fresh.edit();
        settle(e, RequestState.REJECTED, details);
        return new Change(e.done(), List.of(TaskEvent.rejected(new TaskNotCreated(fresh.eventId(), fresh.caseId(),
                reason, details), 0, at(now))), Outcome.REJECTED);
    }

    /** End of a claim taken now; the scheduler's SQL computes the same from the same clock reading. */
    public Instant claimUntil(Instant claimedAt) {
        return claimedAt.plus(timing.claim());
    }

    /**
     * The last instant the attempt may write its request: the claim's end less a margin for clock skew between
     * replicas. Past it, the attempt is abandoned unsent ({@link Answer.NotSent}).
     */
    public Instant sendBy(RequestRow claimed) {
        return claimed.claimUntil().minus(timing.sendMargin());
    }

    /**
     * A POST is about to be made right after a lookup found no task of the request's suspect attempts (each had
     * settled when it ran): they are cleared for this attempt and the ones after it until one may reach incs
     * again, so a request not sent is due again without another lookup. Otherwise a lookup and a POST must both fit
     * in every claim, and under a tight rate budget the lookups took every slot and nothing was created.
     */
    public Change startAttemptAfterLookup(RequestRow r) {
        RequestRow.Edit e = startAttempt(r).row().edit();
        e.clearedByLookup = true;
        return Change.none(e.done(), Outcome.SUBMITTING);
    }

    /** A POST is about to be made: state submitting, one more attempt; an unresolved earlier one stays suspect. */
    public Change startAttempt(RequestRow r) {
        Instant now = clock.instant();
        RequestRow.Edit e = r.edit();
        if (r.state() == RequestState.SUBMITTING && r.submittedAt() != null && r.ambiguousSince() == null) {
            e.ambiguousSince = r.submittedAt();
        }
        e.state = RequestState.SUBMITTING;
        e.awaitsOwnTask = false;
        e.attempts = r.attempts() + 1;
        e.submittedAt = now;
        return Change.none(e.done(), Outcome.SUBMITTING);
    }

    /**
     * incs created the task (answer) or it was found (reconciliation): always wins, whatever state the request is in
     * and whoever holds its claim, because the task exists and must be tracked. A request that already has a task
     * keeps it.
     */
    public Change created(RequestRow r, TaskCreated task, boolean adopted) {
        if (r.state() == RequestState.CREATED) {
            return Change.none(r, Outcome.SUPERSEDED);
        }
        Instant now = clock.instant();
        RequestRow.Edit e = r.edit();
        settle(e, RequestState.CREATED, null);
        e.taskId = task.taskId();
        e.blockingTaskId = null;
        e.failures = 0;
        e.awaitsOwnTask = false;
        return new Change(e.done(), List.of(TaskEvent.created(task, at(now))),
                adopted ? Outcome.ADOPTED : Outcome.CREATED);
    }

    /**
     * Any other answer to the attempt (or lookup) that holds the request's claim. A terminal request is left alone.
     * Every answer releases the claim and leaves either a terminal state or a dated next step.
     */
    public Change answer(RequestRow r, Answer answer) {
        if (r.state().isTerminal()) {
            return Change.none(r, Outcome.SUPERSEDED);
        }
        Instant now = clock.instant();
        RequestRow.Edit e = r.edit();
        e.claimUntil = null;
        if (answer instanceof Answer.Invalid invalid) {
            settle(e, RequestState.REJECTED, invalid.message());
            return new Change(e.done(), List.of(TaskEvent.rejected(new TaskNotCreated(r.eventId(), r.caseId(),
                    Rejection.INCS_REJECTED.code(), invalid.message()), r.attempts(), at(now))), Outcome.REJECTED);
        }
        if (answer instanceof Answer.PhoneBusy busy) {
            return defer(r, e, busy, now);
        }
        if (answer instanceof Answer.Unavailable failure) {
            leaveSubmitting(r, e, failure.ambiguous());
            e.failures = r.failures() + 1;
            e.lastError = failure.reason();
            Instant next = now.plus(timing.retryBackoff().afterFailures(e.failures, failure.retryAfter()));
            Instant settled = now.plus(timing.settle());
            e.nextAttemptAt = failure.ambiguous() && next.isBefore(settled) ? settled : next;
            return Change.none(e.done(), Outcome.RETRY);
        }
        if (answer instanceof Answer.NotSent notSent) {
            leaveSubmitting(r, e, false);
            e.lastError = "not sent: " + notSent.reason();
            e.nextAttemptAt = now;
            return Change.none(e.done(), Outcome.NOT_SENT);
        }
        if (answer instanceof Answer.LookupNotSent notSent) {
            leaveSubmitting(r, e, true);
            e.lastError = "lookup not sent: " + notSent.reason();
            e.nextAttemptAt = now;
            return Change.none(e.done(), Outcome.NOT_SENT);
        }
        if (answer instanceof Answer.LookupFailed failed) {
            leaveSubmitting(r, e, true);
            e.failures = r.failures() + 1;
            e.lastError = "lookup failed: " + failed.reason();
            e.nextAttemptAt = now.plus(timing.retryBackoff().afterFailures(e.failures, failed.retryAfter()));
            return Change.none(e.done(), Outcome.RETRY);
        }
        Answer.IncsUnavailable waiting = (Answer.IncsUnavailable) answer;
        leaveSubmitting(r, e, waiting.mayHaveReachedIncs());
        e.lastError = waiting.reason();
        e.nextAttemptAt = now.plus(timing.probe());
        return Change.none(e.done(), Outcome.WAITING);
    }

    /**
     * An operator retries a {@code failed} or {@code rejected} request: back to {@code received}, due now, so the
     * scheduler sends it through the normal path (claim, reconciliation of an attempt that may have reached incs, one
     * POST, per-case order). Empty when the state does not allow it.
     */
    public Optional<Change> retryByOperator(RequestRow r, String actor) {
        if (r.state() != RequestState.FAILED && r.state() != RequestState.REJECTED) {
            return Optional.empty();
        }
        RequestRow.Edit e = r.edit();
        e.state = RequestState.RECEIVED;
        e.nextAttemptAt = clock.instant();
        e.claimUntil = null;
        e.failures = 0;
        e.deferredSince = null;
        e.blockingTaskId = null;
        e.awaitsOwnTask = false;
        e.lastError = "retry requested by " + actor + " after: " + r.lastError();
        return Optional.of(Change.none(e.done(), Outcome.QUEUED));
    }

    /** An operator cancels a {@code deferred} request: it ends {@code failed}, {@code cancelled_by_operator}. */
    public Optional<Change> cancelByOperator(RequestRow r, String actor) {
        if (r.state() != RequestState.DEFERRED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        RequestRow.Edit e = r.edit();
        settle(e, RequestState.FAILED, CANCELLED_BY_OPERATOR);
        TaskNotCreated data = new TaskNotCreated(r.eventId(), r.caseId(), CANCELLED_BY_OPERATOR,
                "cancelled by operator " + actor + " while deferred");
        return Optional.of(new Change(e.done(), List.of(TaskEvent.cancelled(data, r.attempts(), at(now))),
                Outcome.FAILED));
    }

    /** The due rule: may a worker claim this request now? {@code n} are the facts about its neighbours. */
    public boolean isDue(RequestRow r, Neighbours n, Instant now) {
        if (r.state().isTerminal()) {
            return false;
        }
        if (r.claimUntil() != null) {
            Instant free = r.state() == RequestState.SUBMITTING ? r.claimUntil().plus(timing.settle()) : r.claimUntil();
            if (free.isAfter(now)) {
                return false;
            }
        }
        boolean timeCame = r.nextAttemptAt() == null || !r.nextAttemptAt().isAfter(now);
        if (r.state() != RequestState.DEFERRED) {
            return timeCame && !n.earlierOpenOfCase();
        }
        return !n.otherOpenOfPhone() && !n.earlierDeferredOfPhone()
                && (timeCame || r.awaitsOwnTask() && !n.trackedOpenTaskOnPhone());
    }

    /**
     * Facts about a request's neighbours that the due rule needs: an earlier received/submitting request of the same
     * case; another received/submitting request of the phone; an earlier deferred one of the phone; a tracked open
     * task of ours on the phone.
     */
    public record Neighbours(boolean earlierOpenOfCase, boolean otherOpenOfPhone, boolean earlierDeferredOfPhone,
                             boolean trackedOpenTaskOnPhone) {

        /** Derives the facts from every row and our open tasks, as the SQL does. */
        public static Neighbours of(RequestRow r, List<RequestRow> all, List<OwnTask> tasks) {
            boolean earlierOfCase = false;
            boolean openOfPhone = false;
            boolean earlierDeferred = false;
            for (RequestRow o : all) {
                boolean open = o.state() == RequestState.RECEIVED || o.state() == RequestState.SUBMITTING;
                earlierOfCase |= open && o.caseId().equals(r.caseId()) && o.ingestSeq() < r.ingestSeq();
                boolean samePhone = r.userPhone() != null && r.userPhone().equals(o.userPhone())
                        && !o.eventId().equals(r.eventId());
                openOfPhone |= samePhone && open;
                earlierDeferred |= samePhone && o.state() == RequestState.DEFERRED && o.ingestSeq() < r.ingestSeq();
            }
            boolean tracked = tasks.stream().anyMatch(t -> t.open() && t.tracking() && t.userPhone().equals(r.userPhone()));
            return new Neighbours(earlierOfCase, openOfPhone, earlierDeferred, tracked);
        }
    }

    /** An incs task of ours as the due rule sees it. */
    public record OwnTask(String userPhone, boolean open, boolean tracking) {
    }

    private Change defer(RequestRow r, RequestRow.Edit e, Answer.PhoneBusy busy, Instant now) {
        leaveSubmitting(r, e, false);
        e.deferredSince = r.deferredSince() != null ? r.deferredSince() : now;
        Duration waited = Duration.between(e.deferredSince, now);
        Blocker blocker = busy.blocker();
        if (blocker instanceof Blocker.Own own && !own.tracked()) {
            return fail(r, e, BLOCKING_TASK_UNTRACKED, "the phone is blocked by task " + own.taskId()
                    + " of ours, which is no longer tracked, so its end would never be seen", now);
        }
        if (waited.compareTo(timing.horizon()) >= 0) {
            return fail(r, e, Rejection.DEFERRAL_HORIZON_EXCEEDED.code(),
                    "the phone was still in another incomplete task after " + waited, now);
        }
        e.state = RequestState.DEFERRED;
        e.failures = 0;
        e.lastError = busy.message();
        e.blockingTaskId = blocker instanceof Blocker.Own own ? own.taskId() : null;
        e.awaitsOwnTask = blocker instanceof Blocker.Own;
        e.nextAttemptAt = now.plus(e.awaitsOwnTask ? timing.ownTaskRecheck() : timing.deferBackoff().growing(waited));
        // Our own blocker: submitted when it ends, no announced time; someone else's: the next attempt's time.
        OffsetDateTime announced = e.awaitsOwnTask ? null : at(e.nextAttemptAt);
        return new Change(e.done(), List.of(TaskEvent.deferred(new TaskDeferred(r.eventId(), r.caseId(),
                INCOMPLETE_TASK, e.blockingTaskId, announced), r.attempts(), at(now))), Outcome.DEFERRED);
    }

    private Change fail(RequestRow r, RequestRow.Edit e, String reason, String details, Instant now) {
        settle(e, RequestState.FAILED, details);
        return new Change(e.done(), List.of(TaskEvent.failed(new TaskNotCreated(r.eventId(), r.caseId(), reason,
                details), r.attempts(), at(now))), Outcome.FAILED);
    }

    /** The attempt is over without a definite answer: back to received, suspect if it may have reached incs. */
    private static void leaveSubmitting(RequestRow r, RequestRow.Edit e, boolean mayHaveReachedIncs) {
        if (r.state() != RequestState.SUBMITTING) {
            return;
        }
        e.state = RequestState.RECEIVED;
        if (mayHaveReachedIncs && e.ambiguousSince == null) {
            e.ambiguousSince = r.submittedAt();
        }
        if (mayHaveReachedIncs) {
            e.clearedByLookup = false;
        }
    }

    private static void settle(RequestRow.Edit e, RequestState state, String message) {
        e.state = state;
        e.lastError = message;
        e.nextAttemptAt = null;
        e.claimUntil = null;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
