package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One guarded attempt at an incs call, in this order: circuit check (refuse at once when open), in-flight permit
 * (queue without blocking), rate-budget slot (taken last, just before sending), send, classify, record the
 * answer in {@link IncsAvailability} and metrics. Never retries and never fails: every outcome is an answer.
 */
@ApplicationScoped
class IncsGateway {

    static final String CREATE = "create";
    static final String LIST = "list";
    static final String PROBE = "probe";
    static final String CIRCUIT_OPEN = "circuit open";

    private static final Logger LOG = Logger.getLogger(IncsGateway.class);

    private final IncsAvailability availability;
    private final InFlightLimiter limiter;
    private final RateBudget rateBudget;
    private final IncsClientMetrics metrics;
    private final IncsAnswerClassifier classifier;
    private final IncsPayloads payloads;

    IncsGateway(IncsConfig config, IncsAvailability availability, RateBudget rateBudget, IncsClientMetrics metrics,
                ObjectMapper mapper) {
        this.availability = availability;
        this.limiter = new InFlightLimiter(config.maxInFlight());
        this.rateBudget = rateBudget;
        this.metrics = metrics;
        this.classifier = new IncsAnswerClassifier(mapper);
        this.payloads = new IncsPayloads(mapper);
        metrics.trackLimiter(limiter);
    }

    IncsPayloads payloads() {
        return payloads;
    }

    /** Makes one attempt of {@code send} on {@code route} under every guard. */
    Uni<IncsAnswer> exchange(String route, Supplier<Uni<IncsTransport.HttpAnswer>> send) {
        return Uni.createFrom().deferred(() -> {
            IncsCircuitBreaker.Permission permission = availability.circuit().tryEnter();
            if (permission == IncsCircuitBreaker.Permission.REFUSED) {
                metrics.recordShortCircuit(route);
                Duration remaining = availability.circuit().remainingOpen();
                return Uni.createFrom().item(new IncsAnswer.Failed(new CreateResult.Unavailable(CIRCUIT_OPEN, false,
                        remaining.isZero() ? Optional.empty() : Optional.of(remaining)), false));
            }
            return limiter.withPermit(() -> reserveThenSend(route, send))
                    .invoke(answer -> availability.record(permission, answer))
                    .onCancellation().invoke(() -> availability.abandoned(permission));
        });
    }

    private Uni<IncsAnswer> reserveThenSend(String route, Supplier<Uni<IncsTransport.HttpAnswer>> send) {
        return rateBudget.awaitSlot()
                .invoke(waited -> {
                    if (rateBudget.limited()) {
                        metrics.recordRateLimitWait(waited);
                    }
                })
                .onItemOrFailure().transformToUni((waited, budgetFailure) -> {
                    if (budgetFailure != null) {
                        LOG.warnf("incs rate budget unavailable, call not sent: %s", budgetFailure.toString());
                        return Uni.createFrom().item(new IncsAnswer.Failed(new CreateResult.Unavailable(
                                "rate budget: " + budgetFailure.getMessage(), false, Optional.empty()), false));
                    }
                    return timedSend(route, send);
                });
    }

    private Uni<IncsAnswer> timedSend(String route, Supplier<Uni<IncsTransport.HttpAnswer>> send) {
        long started = System.nanoTime();
        return Uni.createFrom().deferred(send::get)
                .map(http -> classifier.classify(http.status(), http.body(), http.retryAfter(), Instant.now()))
                .onFailure().recoverWithItem(classifier::classifyFailure)
                .invoke(answer -> {
                    metrics.recordCall(route, answer.outcome(route), Duration.ofNanos(System.nanoTime() - started));
                    if (answer instanceof IncsAnswer.Failed failed
                            && failed.result() instanceof CreateResult.Unavailable unavailable) {
                        LOG.debugf("incs %s unavailable: %s", route, unavailable.reason());
                    }
                });
    }
}
