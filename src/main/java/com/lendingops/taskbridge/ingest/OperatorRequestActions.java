package com.lendingops.taskbridge.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What an operator may do to a request, as transitions of {@link RequestLifecycle} written through
 * {@link RequestStore} (the same row, the outbox events in the same transaction):
 * <ul>
 *   <li><b>retry</b> a {@code failed} or {@code rejected} request: back to {@code received}, due now; the retry
 *   scheduler sends it like any other, so exactly-once holds as for every attempt. An event rejected at intake has
 *   no stored incs request and cannot be retried: the producer must send a corrected event.</li>
 *   <li><b>cancel</b> a {@code deferred} request: it ends {@code failed} with reason {@code cancelled_by_operator},
 *   and {@code collection.task.failed} is published.</li>
 * </ul>
 * The row is locked while the lifecycle decides, so a concurrent attempt either comes first (and the action is
 * refused for the state it left) or after (and finds the new state).
 */
@ApplicationScoped
public class OperatorRequestActions {

    public static final String CANCELLED_BY_OPERATOR = RequestLifecycle.CANCELLED_BY_OPERATOR;

    static final String LOCK = "select " + RequestStore.COLUMNS + " from task_request where event_id = $1 for update";

    private final RequestStore store;
    private final RequestLifecycle lifecycle;
    private final RetryScheduler scheduler;

    public OperatorRequestActions(RequestStore store, RequestLifecycle lifecycle, RetryScheduler scheduler) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.scheduler = scheduler;
    }

    public Uni<OperatorActionResult> retry(String eventId, String actor) {
        return change(eventId, (row, body) -> body == null
                ? refused(row, "rejected at intake (the event itself is invalid): send a corrected event")
                : lifecycle.retryByOperator(row, actor)
                        .<Decision>map(Decision.Apply::new)
                        .orElseGet(() -> refused(row, "only failed or rejected requests can be retried")))
                .invoke(result -> {
                    if (result instanceof OperatorActionResult.Applied) {
                        scheduler.pollSoon();
                    }
                });
    }

    public Uni<OperatorActionResult> cancel(String eventId, String actor) {
        return change(eventId, (row, body) -> lifecycle.cancelByOperator(row, actor)
                .<Decision>map(Decision.Apply::new)
                .orElseGet(() -> refused(row, "only deferred requests can be cancelled")));
    }

    private sealed interface Decision {
        record Apply(RequestLifecycle.Change change) implements Decision { }
        record Refuse(OperatorActionResult.NotAllowed result) implements Decision { }
    }

    @FunctionalInterface
    private interface Decide {
        Decision decide(RequestRow row, String requestBody);
    }

    private Uni<OperatorActionResult> change(String eventId, Decide decide) {
        return store.transaction(c -> c.preparedQuery(LOCK).execute(Tuple.of(eventId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(new OperatorActionResult.NotFound());
                    }
                    Row row = rows.iterator().next();
                    RequestRow request = RequestStore.rowOf(row);
                    return apply(c, decide.decide(request, row.getString("request_body")));
                }));
    }

    private Uni<OperatorActionResult> apply(SqlConnection c, Decision decision) {
        if (decision instanceof Decision.Refuse refuse) {
            return Uni.createFrom().item(refuse.result());
        }
        RequestLifecycle.Change change = ((Decision.Apply) decision).change();
        return store.write(c, change, RequestStore.UNFENCED).map(outcome -> outcome == Outcome.SUPERSEDED
                ? new OperatorActionResult.NotAllowed(null, "the request changed meanwhile; look again")
                : new OperatorActionResult.Applied(change.row().state().dbValue()));
    }

    private static Decision refused(RequestRow row, String reason) {
        return new Decision.Refuse(new OperatorActionResult.NotAllowed(row.state().dbValue(), reason));
    }
}
