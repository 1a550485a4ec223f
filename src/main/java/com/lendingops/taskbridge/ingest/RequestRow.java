package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.task.RequestState;
import java.time.Instant;

/**
 * The part of a {@code task_request} row that the {@link RequestLifecycle} reads and decides: an immutable value,
 * so every transition is "old row in, new row out" and can be tested without a database.
 *
 * @param ingestSeq      arrival order (Kafka order within a case); 0 before the row is stored
 * @param attempts       POST attempts started so far
 * @param failures       consecutive transient failures (drives the backoff; reset by a definite answer)
 * @param claimToken     fence: incremented by every claim; an attempt may write only while it still matches
 * @param claimUntil     end of the current claim, null when nobody holds the request
 * @param nextAttemptAt  the dated next step of an unfinished request, null once it is terminal
 * @param submittedAt    start of the latest attempt
 * @param ambiguousSince start of the earliest attempt whose outcome is unknown (look it up before sending again)
 * @param deferredSince  first deferral, the start of the deferral horizon
 * @param awaitsOwnTask  deferred until a tracked open task of ours on the phone ends
 * @param clearedByLookup a lookup found no task of the suspect attempts and no attempt since may have reached incs:
 *                       the next POST needs no lookup first ({@code ambiguousSince} stays, as the start of any later
 *                       search, and for the lookup before deferring on "incomplete task")
 */
public record RequestRow(String eventId, String caseId, String userPhone, long ingestSeq, RequestState state,
                         int attempts, int failures, long claimToken, Instant claimUntil, Instant nextAttemptAt,
                         Instant submittedAt, Instant ambiguousSince, Instant deferredSince, Long blockingTaskId,
                         boolean awaitsOwnTask, Long taskId, String lastError, boolean clearedByLookup) {

    /** An earlier attempt may have created the task: it must be looked up before the request is sent again. */
    public boolean needsReconciliation() {
        return state == RequestState.SUBMITTING || (ambiguousSince != null && !clearedByLookup);
    }

    /** The earliest moment an attempt of ours could have created the task. */
    public Instant searchFrom() {
        if (ambiguousSince == null) {
            return submittedAt;
        }
        return submittedAt == null || ambiguousSince.isBefore(submittedAt) ? ambiguousSince : submittedAt;
    }

    public Edit edit() {
        return new Edit(this);
    }

    /** A mutable copy used inside one transition. */
    public static final class Edit {
        private final RequestRow from;
        RequestState state;
        int attempts;
        int failures;
        long claimToken;
        Instant claimUntil;
        Instant nextAttemptAt;
        Instant submittedAt;
        Instant ambiguousSince;
        Instant deferredSince;
        Long blockingTaskId;
        boolean awaitsOwnTask;
        Long taskId;
        String lastError;
        boolean clearedByLookup;

        private Edit(RequestRow r) {
            this.from = r;
            state = r.state;
            attempts = r.attempts;
            failures = r.failures;
            claimToken = r.claimToken;
            claimUntil = r.claimUntil;
            nextAttemptAt = r.nextAttemptAt;
            submittedAt = r.submittedAt;
            ambiguousSince = r.ambiguousSince;
            deferredSince = r.deferredSince;
            blockingTaskId = r.blockingTaskId;
            awaitsOwnTask = r.awaitsOwnTask;
            taskId = r.taskId;
            lastError = r.lastError;
            clearedByLookup = r.clearedByLookup;
        }

        public RequestRow done() {
            return new RequestRow(from.eventId, from.caseId, from.userPhone, from.ingestSeq, state, attempts, failures,
                    claimToken, claimUntil, nextAttemptAt, submittedAt, ambiguousSince, deferredSince, blockingTaskId,
                    awaitsOwnTask, taskId, lastError, clearedByLookup);
        }
    }
}
