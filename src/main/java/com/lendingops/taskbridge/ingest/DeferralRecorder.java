package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.events.TaskDeferred;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskNotCreated;
import com.lendingops.taskbridge.mapping.Rejection;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records "User is in an incomplete task." inside the caller's transaction. When the blocking task is one of
 * ours (an open incs_task on the same phone) the request waits for it to end, with a safety recheck; when it is
 * someone else's, the request is re-submitted with a delay that grows with the time deferred, and fails with
 * {@code collection.task.failed} once the horizon has passed.
 */
@ApplicationScoped
public class DeferralRecorder {

    static final String INCOMPLETE_TASK = "incomplete_task";

    private final OutboxWriter outbox;
    private final IngestConfig config;
    private final Backoff backoff;

    public DeferralRecorder(OutboxWriter outbox, IngestConfig config) {
        this.outbox = outbox;
        this.config = config;
        this.backoff = new Backoff(config.defer().initialDelay(), config.defer().maxDelay(), config.retry().jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public Uni<Outcome> defer(TaskRequest request, String message) {
        return IncsTask.<IncsTask>find("userPhone = ?1 and status in (0, 1) order by createdAt desc", request.userPhone)
                .firstResult()
                .chain(blocker -> apply(request, blocker, message));
    }

    private Uni<Outcome> apply(TaskRequest r, IncsTask blocker, String message) {
        OffsetDateTime now = RequestIntake.now();
        r.deferredSince = r.deferredSince != null ? r.deferredSince : now;
        Duration waited = Duration.between(r.deferredSince, now);
        if (blocker == null && waited.compareTo(config.defer().horizon()) >= 0) {
            RequestLedger.settle(r, RequestState.FAILED, message, now);
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
        r.nextAttemptAt = now.plus(blocker != null ? config.defer().ownTaskRecheck() : backoff.growing(waited));
        // Our own blocker: submitted when it ends, no announced time; someone else's: the next attempt's time.
        OffsetDateTime announced = blocker == null ? r.nextAttemptAt : null;
        return outbox.append(TaskEvent.deferred(new TaskDeferred(r.eventId, r.caseId, INCOMPLETE_TASK,
                        r.blockingTaskId, announced), r.attempts, now))
                .replaceWith(Outcome.DEFERRED);
    }
}
