package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.CreateResult;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One submission step of a claimed request, the same whether it comes straight from intake or from the retry
 * scheduler: reconcile first if an earlier attempt may have created the task, mark the attempt (unless intake already
 * did), send the request only while the claim still holds ({@code sendBy}), and store whatever incs answered through
 * the lifecycle. Never sends while incs is known to be unavailable (token refused, circuit open).
 */
@ApplicationScoped
public class RequestSubmitter {

    private static final Logger LOG = Logger.getLogger(RequestSubmitter.class);

    private final RequestStore store;
    private final RequestLifecycle lifecycle;
    private final CreatedTaskRecorder recorder;
    private final Reconciler reconciler;
    private final IncsClient client;
    private final IngestMetrics metrics;

    public RequestSubmitter(RequestStore store, RequestLifecycle lifecycle, CreatedTaskRecorder recorder,
                            Reconciler reconciler, IncsClient client, IngestMetrics metrics) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.recorder = recorder;
        this.reconciler = reconciler;
        this.client = client;
        this.metrics = metrics;
    }

    /**
     * A claimed request: the row as this claimant holds it, the request body, whether its attempt is already
     * marked (intake stores a new request with attempt 1 started), and when its collection event was consumed (for
     * the freshness histogram; null if unknown).
     */
    public record Claimed(RequestRow row, CreateTaskCommand command, boolean attemptStarted, Instant consumedAt) {

        public Claimed(RequestRow row, CreateTaskCommand command, boolean attemptStarted) {
            this(row, command, attemptStarted, null);
        }
    }

    public Uni<Void> submit(Claimed claimed) {
        return step(claimed)
                .invoke(outcome -> {
                    metrics.outcome(outcome);
                    if ((outcome == Outcome.CREATED || outcome == Outcome.ADOPTED) && claimed.consumedAt() != null) {
                        metrics.taskCreated(claimed.consumedAt());
                    }
                    LOG.debugf("request %s: %s", claimed.row().eventId(), outcome.tag());
                })
                .replaceWithVoid();
    }

    private Uni<Outcome> step(Claimed c) {
        RequestRow r = c.row();
        if (!client.isAvailable()) {
            boolean unresolved = !c.attemptStarted() && r.needsReconciliation();
            return store.apply(r, row -> lifecycle.answer(row, new Answer.IncsUnavailable(unavailability(), unresolved)));
        }
        if (c.attemptStarted() || !r.needsReconciliation()) {
            return post(c, false);
        }
        return reconciler.find(r, c.command(), lifecycle.sendBy(r))
                .chain(lookup -> afterLookup(r, c.command(), lookup, () -> post(c, true)));
    }

    private Uni<Outcome> post(Claimed c, boolean afterLookup) {
        if (c.attemptStarted()) {
            return send(c.row(), c.command());
        }
        RequestLifecycle.Change started = afterLookup ? lifecycle.startAttemptAfterLookup(c.row())
                : lifecycle.startAttempt(c.row());
        return store.apply(c.row(), row -> started)
                .chain(outcome -> outcome == Outcome.SUPERSEDED ? Uni.createFrom().item(Outcome.SUPERSEDED)
                        : send(started.row(), c.command()));
    }

    private Uni<Outcome> send(RequestRow attempt, CreateTaskCommand command) {
        return client.createTask(command, lifecycle.sendBy(attempt))
                .onFailure().recoverWithItem(failure -> new CreateResult.Unavailable(
                        "client failure: " + failure, true, Optional.empty()))
                .chain(result -> record(attempt, command, result));
    }

    private Uni<Outcome> record(RequestRow attempt, CreateTaskCommand command, CreateResult result) {
        String eventId = attempt.eventId();
        if (result instanceof CreateResult.Created created) {
            return recorder.record(attempt, command, created.task(), false);
        }
        if (result instanceof CreateResult.PhoneBusy busy) {
            return attempt.ambiguousSince() != null ? reconcileBeforeDeferring(attempt, command, busy)
                    : defer(attempt, busy);
        }
        Answer answer;
        if (result instanceof CreateResult.Invalid invalid) {
            LOG.warnf("incs rejected request %s (code %d): %s", eventId, invalid.code(), invalid.message());
            answer = new Answer.Invalid(invalid.message());
        } else if (result instanceof CreateResult.Unauthorized) {
            LOG.warnf("incs refused the API token; request %s waits until it is accepted again", eventId);
            answer = new Answer.IncsUnavailable("incs refused the API token", false);
        } else if (result instanceof CreateResult.NotSent notSent) {
            LOG.debugf("request %s not sent before its claim ended: %s", eventId, notSent.reason());
            answer = new Answer.NotSent(notSent.reason());
        } else {
            CreateResult.Unavailable u = (CreateResult.Unavailable) result;
            answer = new Answer.Unavailable(u.reason(), u.ambiguous(), u.retryAfter());
        }
        return store.apply(attempt, row -> lifecycle.answer(row, answer));
    }

    private Uni<Outcome> defer(RequestRow attempt, CreateResult.PhoneBusy busy) {
        return store.applyBusy(attempt, blocker -> lifecycle.answer(attempt,
                new Answer.PhoneBusy(busy.message(), blocker)));
    }

    /** "Incomplete task" right after an attempt with a lost answer may be about our own task: look first. */
    private Uni<Outcome> reconcileBeforeDeferring(RequestRow attempt, CreateTaskCommand command,
                                                  CreateResult.PhoneBusy busy) {
        return reconciler.find(attempt, command, lifecycle.sendBy(attempt))
                .chain(lookup -> afterLookup(attempt, command, lookup, () -> defer(attempt, busy)));
    }

    private Uni<Outcome> afterLookup(RequestRow r, CreateTaskCommand command, TaskLookup lookup,
                                     java.util.function.Supplier<Uni<Outcome>> notFound) {
        if (lookup instanceof TaskLookup.Found found) {
            return recorder.record(r, command, found.task(), true);
        }
        if (lookup instanceof TaskLookup.Failed failed) {
            return lookupFailed(r, failed);
        }
        if (lookup instanceof TaskLookup.NotSent notSent) {
            LOG.debugf("request %s not looked up before its claim ended: %s", r.eventId(), notSent.reason());
            return store.apply(r, row -> lifecycle.answer(row, new Answer.LookupNotSent(notSent.reason())));
        }
        return notFound.get();
    }

    private Uni<Outcome> lookupFailed(RequestRow r, TaskLookup.Failed failed) {
        Answer answer = failed.unauthorized() ? new Answer.IncsUnavailable("incs refused the API token", true)
                : new Answer.LookupFailed(failed.reason(), failed.retryAfter());
        return store.apply(r, row -> lifecycle.answer(row, answer));
    }

    private String unavailability() {
        return client.isUnauthorized() ? "incs refused the API token" : "incs circuit open";
    }
}
