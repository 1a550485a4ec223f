package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.events.TaskCreated;
import com.lendingops.taskbridge.task.RequestState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared set-up of the lifecycle unit tests: a clock that tests move, fixed timing, fresh rows. */
final class LifecycleFixtures {

    static final Duration CLAIM = Duration.ofSeconds(60);
    static final Duration MARGIN = Duration.ofSeconds(5);
    static final Duration SETTLE = Duration.ofSeconds(10);
    static final Duration PROBE = Duration.ofSeconds(15);
    static final Duration RECHECK = Duration.ofMinutes(10);
    static final Duration HORIZON = Duration.ofHours(24);

    private LifecycleFixtures() {
    }

    static LifecycleTiming timing() {
        return new LifecycleTiming(CLAIM, MARGIN, SETTLE, PROBE, RECHECK, HORIZON,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0, () -> 0),
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 0, () -> 0));
    }

    static RequestRow fresh(String eventId, String caseId, String phone, long seq) {
        return new RequestRow(eventId, caseId, phone, seq, RequestState.RECEIVED, 0, 0, 0, null, null, null, null, null,
                null, false, null, null, false);
    }

    static TaskCreated task(RequestRow r, long taskId) {
        return new TaskCreated(r.eventId(), r.caseId(), taskId, null, null, 30058L, "incs_1", 0,
                Instant.EPOCH.atOffset(ZoneOffset.UTC));
    }

}
