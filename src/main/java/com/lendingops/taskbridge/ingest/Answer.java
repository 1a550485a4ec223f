package com.lendingops.taskbridge.ingest;

import java.time.Duration;
import java.util.Optional;

/** What an attempt (or the lookup before it) came to, other than a created task, as the lifecycle sees it. */
public sealed interface Answer {

    /** incs says the request itself is invalid: sending it again cannot succeed. */
    record Invalid(String message) implements Answer {
    }

    /** "User is in an incomplete task.", with what the database knows about the task that blocks the phone. */
    record PhoneBusy(String message, Blocker blocker) implements Answer {
    }

    /** Transient failure; {@code ambiguous} when incs may have created the task anyway. */
    record Unavailable(String reason, boolean ambiguous, Optional<Duration> retryAfter) implements Answer {
    }

    /** The claim ended before the request could be written: nothing reached incs. */
    record NotSent(String reason) implements Answer {
    }

    /** The lookup of an earlier attempt's task was not made before the claim ended: nothing read, nothing sent. */
    record LookupNotSent(String reason) implements Answer {
    }

    /** The lookup of an earlier attempt's task could not be completed: nothing may be sent yet. */
    record LookupFailed(String reason, Optional<Duration> retryAfter) implements Answer {
    }

    /**
     * incs refused the token or its circuit is open: wait for the next probe without counting a failure.
     * {@code mayHaveReachedIncs} is true when an earlier attempt of the request is still unresolved.
     */
    record IncsUnavailable(String reason, boolean mayHaveReachedIncs) implements Answer {
    }
}
