package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.IncsTaskView;
import java.time.Duration;
import java.util.Optional;

/** Result of looking up whether an earlier attempt created the task after all. */
public sealed interface TaskLookup {

    /** It did: adopt this task. */
    record Found(IncsTaskView task) implements TaskLookup {
    }

    /** Every page incs's total implies was read and none holds an unclaimed match: safe to send again. */
    record NotFound() implements TaskLookup {
    }

    /**
     * No page could be read before the claim ended (no rate slot in time): nothing was read, nothing may be sent;
     * look again on the next claim, without a growing backoff (the wait is this service's, not incs').
     */
    record NotSent(String reason) implements TaskLookup {
    }

    /** The lookup did not cover everything (incs failed, page limit, unexpected answer): nothing may be sent yet. */
    record Failed(String reason, Optional<Duration> retryAfter, boolean unauthorized) implements TaskLookup {
    }
}
