package com.lendingops.taskbridge.incs;

import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The one bean through which the service talks to incs: owns the rate budget, the in-flight limit, the circuit
 * breaker, retries of idempotent calls and the classification of every answer. Calls go one way: this client (or
 * {@link TaskLister}) builds an {@link IncsRequest} with {@link IncsPayloads}, {@link IncsGateway} guards and
 * classifies it, {@link IncsTransport} sends it; the answer comes back the same way. Observable state:
 * {@link #isCircuitOpen()}, {@link #isUnauthorized()}, {@link #isAvailable()}, and the CDI event
 * {@link IncsAvailabilityChanged} on every change of it. Calls are spans of the caller's current trace (the
 * OpenTelemetry context at the call) unless one is given.
 */
@ApplicationScoped
public class IncsClient {

    private final IncsGateway gateway;
    private final IncsPayloads payloads;
    private final TaskLister lister;
    private final IncsAvailability availability;

    IncsClient(IncsGateway gateway, IncsPayloads payloads, TaskLister lister, IncsAvailability availability) {
        this.gateway = gateway;
        this.payloads = payloads;
        this.lister = lister;
        this.availability = availability;
    }

    /**
     * One POST attempt, never retried here because a blind retry may create a second task. It is written only if
     * {@code sendBy} has not come yet at the instant of writing (after the in-flight permit and the rate slot were
     * obtained, on the injected clock); otherwise nothing is sent and the result is {@link CreateResult.NotSent}.
     * Claim fencing rests on this: a request whose claim ends while it waits can never reach incs after another
     * worker took the claim over. Never fails: every outcome, including an open circuit
     * ({@code Unavailable("circuit open", false, ...)}), is a result.
     */
    public Uni<CreateResult> createTask(CreateTaskCommand command, Instant sendBy) {
        Context trace = Context.current();
        return Uni.createFrom().item(() -> IncsRequest.create(payloads.createBody(command)))
                .chain(request -> gateway.exchange(request, sendBy, trace))
                .map(payloads::toCreateResult);
    }

    /**
     * One page of GET /external/tasks ({@code query.page()} counted from 1 whatever incs does), retried on
     * transient errors; fails with {@link IncsCallException} ({@code unauthorized()} for 401/10001).
     */
    public Uni<TaskPage> listTasks(TaskQuery query) {
        return lister.list(query, ListCallCounter.NONE, Context.current(), Instant.MAX);
    }

    /**
     * As {@link #listTasks(TaskQuery)}, for a caller whose claim ends at {@code sendBy}: no request is written after
     * it, and no rate slot after it is taken (the answer could no longer be stored, and the slot would be lost to
     * the calls that can). Fails with {@link IncsCallNotSentException} when nothing could be written in time.
     */
    public Uni<TaskPage> listTasks(TaskQuery query, Instant sendBy) {
        return lister.list(query, ListCallCounter.NONE, Context.current(), sendBy);
    }

    /** As {@link #listTasks(TaskQuery)}, telling {@code counter} about every request sent (retries, probes). */
    public Uni<TaskPage> listTasks(TaskQuery query, ListCallCounter counter) {
        return lister.list(query, counter, Context.current(), Instant.MAX);
    }

    /** As {@link #listTasks(TaskQuery, ListCallCounter)}, its calls being spans of {@code trace} (a sync cycle). */
    public Uni<TaskPage> listTasks(TaskQuery query, ListCallCounter counter, Context trace) {
        return lister.list(query, counter, trace, Instant.MAX);
    }

    /** True while incs is considered down: calls are refused without reaching it until a probe succeeds. */
    public boolean isCircuitOpen() {
        return availability.isCircuitOpen();
    }

    /** True since incs rejected the token (401 / code 10001), until a call is answered with it accepted. */
    public boolean isUnauthorized() {
        return availability.isUnauthorized();
    }

    /** Neither circuit open nor token rejected. */
    public boolean isAvailable() {
        return availability.isAvailable();
    }
}
