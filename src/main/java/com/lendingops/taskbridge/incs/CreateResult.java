package com.lendingops.taskbridge.incs;

import java.time.Duration;
import java.util.Optional;

/** What a POST /external/tasks attempt came to, classified by HTTP status and body code alike. */
public sealed interface CreateResult {

    /** incs created (and assigned) the task. */
    record Created(IncsTaskView task) implements CreateResult {
    }

    /** "User is in an incomplete task.": the phone has an unfinished task; nothing was created. */
    record PhoneBusy(String message) implements CreateResult {
    }

    /** 400/422 validation error: sending the same request again cannot succeed. */
    record Invalid(int code, String message) implements CreateResult {
    }

    /** 401 or body code 10001: the token is wrong; nothing about the request is at fault. */
    record Unauthorized(String message) implements CreateResult {
    }

    /**
     * Transient failure (408, 429, 5xx, timeout, connection error, open circuit). {@code ambiguous}
     * is true when incs may have created the task anyway (timeout, reset, 5xx): the caller must look
     * the task up before sending the request again.
     */
    record Unavailable(String reason, boolean ambiguous, Optional<Duration> retryAfter) implements CreateResult {
    }

    /**
     * The request was not written because its send-by instant (the end of the caller's claim) came before it could
     * be: nothing reached incs, so the request may be sent again later without reconciliation. Only returned by
     * {@link IncsClient#createTask(CreateTaskCommand, java.time.Instant)}.
     */
    record NotSent(String reason) implements CreateResult {
    }
}
