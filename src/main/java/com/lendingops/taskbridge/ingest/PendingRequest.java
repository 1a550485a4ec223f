package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.task.RequestState;
import java.time.OffsetDateTime;

/**
 * A snapshot of a request that is to be (re)submitted, taken in a short transaction so that no database
 * transaction is held open across an incs call.
 *
 * @param attempts       POST attempts so far; also the token proving an outcome belongs to the latest attempt
 * @param submittedAt    start of the latest attempt, null before the first
 * @param ambiguousSince start of the earliest attempt whose outcome is unknown, null if none
 */
public record PendingRequest(String eventId, String caseId, RequestState state, int attempts,
                             CreateTaskCommand command, OffsetDateTime submittedAt, OffsetDateTime ambiguousSince) {

    /** An earlier attempt may have created the task: look it up before sending the request again. */
    public boolean needsReconciliation() {
        return state == RequestState.SUBMITTING || ambiguousSince != null;
    }

    /** The earliest moment an earlier attempt of ours could have created the task. */
    public OffsetDateTime searchFrom() {
        if (ambiguousSince == null) {
            return submittedAt;
        }
        return submittedAt == null || ambiguousSince.isBefore(submittedAt) ? ambiguousSince : submittedAt;
    }
}
