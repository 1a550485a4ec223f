package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.CreateResult;
import com.lendingops.taskbridge.incs.IncsClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One submission step of a stored request, the same whether it comes straight from Kafka or from the retry
 * scheduler: reconcile first if an earlier attempt may have created the task, record {@code submitting}
 * before the POST, send it once, and store whatever incs answered. Never sends while incs is known to be
 * unavailable (token rejected, circuit open): the request just waits for the next probe.
 */
@ApplicationScoped
public class RequestSubmitter {

    private static final Logger LOG = Logger.getLogger(RequestSubmitter.class);

    private final RequestLedger ledger;
    private final Reconciler reconciler;
    private final IncsClient client;
    private final IngestMetrics metrics;

    public RequestSubmitter(RequestLedger ledger, Reconciler reconciler, IncsClient client, IngestMetrics metrics) {
        this.ledger = ledger;
        this.reconciler = reconciler;
        this.client = client;
        this.metrics = metrics;
    }

    public Uni<Void> submit(String eventId) {
        return ledger.load(eventId)
                .chain(request -> request == null ? Uni.createFrom().item(Outcome.SUPERSEDED) : step(request))
                .invoke(outcome -> {
                    metrics.outcome(outcome);
                    LOG.debugf("request %s: %s", eventId, outcome.tag());
                })
                .replaceWithVoid();
    }

    private Uni<Outcome> step(PendingRequest request) {
        if (!client.isAvailable()) {
            return ledger.waitForIncs(request.eventId(), request.attempts(), unavailability(), false);
        }
        if (!request.needsReconciliation()) {
            return post(request);
        }
        return reconciler.find(request).chain(lookup -> {
            if (lookup instanceof TaskLookup.Found found) {
                return ledger.created(request.eventId(), found.task(), true);
            }
            if (lookup instanceof TaskLookup.Failed failed) {
                return lookupFailed(request, failed);
            }
            return post(request);
        });
    }

    private Uni<Outcome> post(PendingRequest request) {
        return ledger.startAttempt(request.eventId(), request.attempts()).chain(attempt -> {
            if (attempt == null) {
                return Uni.createFrom().item(Outcome.SUPERSEDED);
            }
            return client.createTask(attempt.command())
                    .onFailure().recoverWithItem(failure -> new CreateResult.Unavailable(
                            "client failure: " + failure, true, Optional.empty()))
                    .chain(result -> record(attempt, result));
        });
    }

    private Uni<Outcome> record(PendingRequest attempt, CreateResult result) {
        String eventId = attempt.eventId();
        int token = attempt.attempts();
        if (result instanceof CreateResult.Created created) {
            return ledger.created(eventId, created.task(), false);
        }
        if (result instanceof CreateResult.PhoneBusy busy) {
            return attempt.ambiguousSince() != null ? reconcileBeforeDeferring(attempt, busy)
                    : ledger.deferred(eventId, token, busy.message());
        }
        if (result instanceof CreateResult.Invalid invalid) {
            LOG.warnf("incs rejected request %s (code %d): %s", eventId, invalid.code(), invalid.message());
            return ledger.rejected(eventId, token, invalid.message());
        }
        if (result instanceof CreateResult.Unauthorized) {
            LOG.warnf("incs refused the API token; request %s waits until it is accepted again", eventId);
            return ledger.waitForIncs(eventId, token, "incs refused the API token", true);
        }
        CreateResult.Unavailable unavailable = (CreateResult.Unavailable) result;
        LOG.debugf("request %s: incs unavailable (%s), retrying later", eventId, unavailable.reason());
        return ledger.attemptFailed(eventId, token, unavailable);
    }

    /** "Incomplete task" right after an attempt with a lost answer may be about our own task: look first. */
    private Uni<Outcome> reconcileBeforeDeferring(PendingRequest attempt, CreateResult.PhoneBusy busy) {
        return reconciler.find(attempt).chain(lookup -> {
            if (lookup instanceof TaskLookup.Found found) {
                return ledger.created(attempt.eventId(), found.task(), true);
            }
            if (lookup instanceof TaskLookup.Failed failed) {
                return lookupFailed(attempt, failed);
            }
            return ledger.deferred(attempt.eventId(), attempt.attempts(), busy.message());
        });
    }

    private Uni<Outcome> lookupFailed(PendingRequest request, TaskLookup.Failed failed) {
        if (failed.cause().unauthorized()) {
            return ledger.waitForIncs(request.eventId(), request.attempts(), "incs refused the API token", false);
        }
        return ledger.lookupFailed(request.eventId(), request.attempts(), failed.cause().retryAfter(),
                String.valueOf(failed.cause().getMessage()));
    }

    private String unavailability() {
        return client.isUnauthorized() ? "incs refused the API token" : "incs circuit open";
    }
}
