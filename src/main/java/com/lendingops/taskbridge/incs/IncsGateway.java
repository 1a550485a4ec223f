package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One guarded attempt at an incs call, in this order: circuit check (refuse at once when open), in-flight permit
 * (queue without blocking), rate-budget slot (taken last, just before sending), connection, then the write, made
 * only if the slot is still on time at that instant (setting up a connection can take long enough to spoil it:
 * the slot is then given up, the fresh connection goes back to the pool for the next slot), classify, record the
 * answer in {@link IncsAvailability} and metrics. A caller's send-by instant (claim fencing) is checked on the
 * injected clock before a slot is taken and again together with the slot right before the write: past it,
 * nothing is written and the answer is {@link CreateResult.NotSent}, which leaves the circuit alone. Never
 * retries a sent call and never fails: every outcome is an answer. Every attempt is one CLIENT span
 * ({@link IncsCallSpans}), a child of the caller's trace.
 */
@ApplicationScoped
class IncsGateway {

    static final String CIRCUIT_OPEN = "circuit open";

    /** Slots a call may give up because taking its connection made it late, before it fails unsent. */
    private static final int MAX_SLOTS = 3;

    private static final Logger LOG = Logger.getLogger(IncsGateway.class);
    /**
     * One debug line per request written, with its instant and lateness: incs counts arrivals, so when it sees more
     * than R in a second this tells whether this service wrote them so, or they bunched on the way.
     */
    private static final Logger WRITES = Logger.getLogger("com.lendingops.taskbridge.incs.writes");

    private final IncsAvailability availability;
    private final InFlightLimiter limiter;
    private final RateBudget rateBudget;
    private final IncsTransport transport;
    private final IncsClientMetrics metrics;
    private final IncsAnswerClassifier classifier;
    private final Clock clock;
    private final IncsCallSpans spans;

    /** Without tracing (standalone clients in tests). */
    IncsGateway(IncsConfig config, IncsAvailability availability, RateBudget rateBudget, IncsTransport transport,
                IncsClientMetrics metrics, ObjectMapper mapper, Clock clock) {
        this(config, availability, rateBudget, transport, metrics, mapper, clock,
                OpenTelemetry.noop().getTracer(IncsGateway.class.getName()));
    }

    @Inject
    IncsGateway(IncsConfig config, IncsAvailability availability, RateBudget rateBudget, IncsTransport transport,
                IncsClientMetrics metrics, ObjectMapper mapper, Clock clock, Tracer tracer) {
        this.clock = clock;
        this.spans = new IncsCallSpans(tracer, config.apiUrl());
        this.availability = availability;
        this.limiter = new InFlightLimiter(config.maxInFlight());
        this.rateBudget = rateBudget;
        this.transport = transport;
        this.metrics = metrics;
        this.classifier = new IncsAnswerClassifier(mapper, config.retryAfterMax());
        metrics.trackLimiter(limiter);
    }

    /** Makes one attempt of {@code request} under every guard, with no send-by instant, in the current trace. */
    Uni<IncsAnswer> exchange(IncsRequest request) {
        return exchange(request, Instant.MAX, io.opentelemetry.context.Context.current());
    }

    /**
     * Makes one attempt of {@code request} under every guard; if {@code sendBy} has come by the instant
     * the request would be written (checked after the permit and the slot were obtained), nothing is written and
     * the answer is a {@link CreateResult.NotSent}.
     */
    Uni<IncsAnswer> exchange(IncsRequest request, Instant sendBy, io.opentelemetry.context.Context trace) {
        IncsRoute route = request.route();
        return Uni.createFrom().deferred(() -> {
            Span span = spans.start(route, trace);
            IncsCircuitBreaker.Permission permission = availability.circuit().tryEnter();
            if (permission == IncsCircuitBreaker.Permission.REFUSED) {
                metrics.recordShortCircuit(route.tag());
                Duration remaining = availability.circuit().remainingOpen();
                IncsAnswer refused = new IncsAnswer.Failed(new CreateResult.Unavailable(CIRCUIT_OPEN, false,
                        remaining.isZero() ? Optional.empty() : Optional.of(remaining)), false);
                IncsCallSpans.end(span, route, refused, false);
                return Uni.createFrom().item(refused);
            }
            return backOnCallerContext(limiter.withPermit(
                    () -> sendInSlot(request, sendBy, System.nanoTime(), MAX_SLOTS, span)))
                    .invoke(answer -> availability.record(permission, answer))
                    .onCancellation().invoke(() -> availability.abandoned(permission))
                    .onTermination().invoke((answer, failure, cancelled) ->
                            IncsCallSpans.end(span, route, answer, cancelled));
        });
    }

    /**
     * The transport answers on its own event loop; callers continue on their own Vert.x context (a Hibernate
     * Reactive session, for one, is bound to it).
     */
    private static Uni<IncsAnswer> backOnCallerContext(Uni<IncsAnswer> answer) {
        Context caller = Vertx.currentContext();
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<IncsAnswer> sendInSlot(IncsRequest request, Instant sendBy, long started, int slotsLeft, Span span) {
        if (!beforeSendBy(sendBy)) {
            // do not spend a slot of the shared budget on a request that may no longer be sent
            return Uni.createFrom().item(pastSendBy(sendBy));
        }
        return rateBudget.awaitSlot(sendBy, clock).onItemOrFailure().transformToUni((slot, budgetFailure) -> {
            if (budgetFailure != null) {
                return Uni.createFrom().item(budgetUnavailable(budgetFailure));
            }
            // no slot of the shared budget could be used before the send-by instant: nothing written
            return slot.isPresent() ? sendOnTime(request, sendBy, started, slotsLeft, slot.get(), span)
                    : Uni.createFrom().item(noSlotInTime(sendBy));
        });
    }

    private boolean beforeSendBy(Instant sendBy) {
        return clock.instant().isBefore(sendBy);
    }

    private static IncsAnswer pastSendBy(Instant sendBy) {
        return new IncsAnswer.Failed(new CreateResult.NotSent("send-by instant " + sendBy + " passed before sending"),
                false);
    }

    /** Takes a connection, then writes at once if the slot still holds, else gives it up for the next one. */
    private Uni<IncsAnswer> sendOnTime(IncsRequest request, Instant sendBy, long started, int slotsLeft,
                                       RateBudget.Slot slot, Span span) {
        IncsRoute route = request.route();
        long connecting = System.nanoTime();
        return transport.connect(request).onItemOrFailure().transformToUni((connected, connectFailure) -> {
            if (connectFailure != null) {
                return Uni.createFrom().item(recorded(route, classifier.classifyFailure(connectFailure), connecting));
            }
            Optional<Uni<IncsTransport.HttpAnswer>> sent = connected.sendIf(
                    () -> slot.onTime() && beforeSendBy(sendBy));
            if (sent.isPresent()) {
                logWrite(route, slot);
                return classified(route, sent.get(), started, span);
            }
            connected.discard();
            if (!beforeSendBy(sendBy)) {
                return Uni.createFrom().item(pastSendBy(sendBy));
            }
            return slotsLeft > 1 ? sendInSlot(request, sendBy, started, slotsLeft - 1, span)
                    : Uni.createFrom().item(noSlotInTime(sendBy));
        });
    }

    private void logWrite(IncsRoute route, RateBudget.Slot slot) {
        if (WRITES.isDebugEnabled()) {
            WRITES.debugf("incs %s written at %s, %d us after its rate slot was due", route.tag(), clock.instant(),
                    slot.microsSinceDue());
        }
    }

    private Uni<IncsAnswer> classified(IncsRoute route, Uni<IncsTransport.HttpAnswer> answer, long started,
                                       Span span) {
        long sent = System.nanoTime();
        if (rateBudget.limited()) {
            metrics.recordRateLimitWait(Duration.ofNanos(sent - started));
        }
        return answer.invoke(http -> IncsCallSpans.answered(span, http.status()))
                .map(http -> classifier.classify(http.status(), http.body(), http.retryAfter(), clock.instant()))
                .onFailure().recoverWithItem(classifier::classifyFailure)
                .map(classified -> recorded(route, classified, sent));
    }

    private IncsAnswer recorded(IncsRoute route, IncsAnswer answer, long since) {
        metrics.recordCall(route.tag(), answer.outcome(route), Duration.ofNanos(System.nanoTime() - since));
        if (answer instanceof IncsAnswer.Failed failed
                && failed.result() instanceof CreateResult.Unavailable unavailable) {
            LOG.debugf("incs %s unavailable: %s", route.tag(), unavailable.reason());
        }
        return answer;
    }

    /**
     * Every slot this call could have used was missed or comes too late: nothing was written. A not-sent answer,
     * not a failure: the request is claimed again at once, without a growing backoff (its lateness is this
     * service's, not incs' nor the request's).
     */
    private static IncsAnswer noSlotInTime(Instant sendBy) {
        return new IncsAnswer.Failed(new CreateResult.NotSent("no rate slot met before the send-by instant " + sendBy),
                false);
    }

    /** The budget's database could not be reached: nothing written, retried with the usual backoff. */
    private static IncsAnswer budgetUnavailable(Throwable budgetFailure) {
        LOG.warnf("incs rate budget unavailable, call not sent: %s", budgetFailure.toString());
        return new IncsAnswer.Failed(new CreateResult.Unavailable("rate budget: " + budgetFailure.getMessage(), false,
                Optional.empty()), false);
    }
}
