package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.outbox.EventOrigin;
import com.lendingops.taskbridge.outbox.OutboxRows;
import com.lendingops.taskbridge.task.RequestState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * The thin transactional layer around {@link RequestLifecycle}: reads a request, lets the lifecycle decide, and
 * writes the new row with the outbox events of the change in the same transaction, through prepared statements on
 * the reactive PostgreSQL pool (no Hibernate session on the hot path). Every write by an attempt is fenced by the
 * claim token it holds; only "created" is not, because a task that exists always wins. Every call has a timeout.
 */
@ApplicationScoped
public class RequestStore {

    static final String COLUMNS = """
            event_id, case_id, user_phone, ingest_seq, state, attempts, failures, claim_token, claim_until,
            next_attempt_at, submitted_at, ambiguous_since, deferred_since, blocking_task_id, awaits_own_task, task_id,
            last_error, cleared_by_lookup, request_body, received_at, traceparent""";

    static final String INSERT = """
            insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                attempts, failures, claim_token, claim_owner, claim_until, next_attempt_at, submitted_at,
                ambiguous_since, deferred_since, blocking_task_id, awaits_own_task, task_id, last_error, received_at,
                updated_at, traceparent)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                    $23)
            on conflict (event_id) do nothing returning ingest_seq""";

    /**
     * Writes what the lifecycle decides; {@code $15} is the fence (-1 for the unfenced "created"). Returns the
     * request's trace and consume time, which its events carry to the outbox.
     */
    static final String UPDATE = """
            update task_request set state = $2, attempts = $3, failures = $4, claim_until = $5, next_attempt_at = $6,
                submitted_at = $7, ambiguous_since = $8, deferred_since = $9, blocking_task_id = $10,
                awaits_own_task = $11, task_id = $12, last_error = $13, updated_at = $14, cleared_by_lookup = $16,
                version = version + 1
            where event_id = $1 and ((claim_token = $15 and state in ('received', 'submitting', 'deferred'))
                                     or ($15 = -1 and state <> 'created'))
            returning received_at, traceparent""";

    static final String INTAKE_FACTS = """
            select exists (select 1 from task_request where case_id = $1 and state in ('received', 'submitting')),
                   exists (select 1 from task_request where user_phone = $2 and state = 'deferred')""";

    static final String BLOCKER = """
            select task_id, tracking from incs_task where user_phone = $1 and status in (0, 1)
            order by created_at desc limit 1""";

    static final String RELEASE = """
            update task_request set claim_until = null where event_id = $1 and claim_token = $2
              and state in ('received', 'submitting', 'deferred')""";

    /** The fence of a write that does not hold the claim: "created" (a task exists) and operator actions. */
    static final long UNFENCED = -1;

    private final Pool pool;
    private final OutboxRows outbox;
    private final Clock clock;
    private final Duration timeout;

    public RequestStore(Pool pool, OutboxRows outbox, Clock clock, IngestConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.timeout = config.dbTimeout();
    }

    /** Neighbour facts for intake; runs on the intake transaction's connection. */
    Uni<RequestLifecycle.IntakeFacts> intakeFacts(SqlConnection c, String caseId, String phone) {
        return c.preparedQuery(INTAKE_FACTS).execute(Tuple.of(caseId, phone))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new RequestLifecycle.IntakeFacts(row.getBoolean(0), row.getBoolean(1));
                });
    }

    /**
     * Inserts a new request with the events of its first transition; false if the event_id was known already. The
     * origin's consume time is the request's {@code received_at}, its traceparent the request's trace.
     */
    Uni<Boolean> insert(SqlConnection c, RequestLifecycle.Change change, String eventType, String assignee,
                        String body, String owner, EventOrigin origin) {
        RequestRow r = change.row();
        OffsetDateTime now = now();
        EventOrigin stored = new EventOrigin(origin.traceparent(),
                origin.consumedAt() != null ? origin.consumedAt() : now);
        Tuple t = Tuple.tuple().addValue(r.eventId()).addValue(r.caseId()).addValue(eventType)
                .addValue(r.userPhone()).addValue(assignee).addValue(r.state().dbValue()).addValue(body)
                .addValue(r.attempts()).addValue(r.failures()).addValue(r.claimToken())
                .addValue(r.claimUntil() == null ? null : owner).addValue(at(r.claimUntil()))
                .addValue(at(r.nextAttemptAt())).addValue(at(r.submittedAt())).addValue(at(r.ambiguousSince()))
                .addValue(at(r.deferredSince())).addValue(r.blockingTaskId()).addValue(r.awaitsOwnTask())
                .addValue(r.taskId()).addValue(r.lastError()).addValue(stored.consumedAt()).addValue(now)
                .addValue(stored.traceparent());
        return c.preparedQuery(INSERT).execute(t).chain(rows -> rows.rowCount() == 0
                ? Uni.createFrom().item(false)
                : outbox.append(c, change.events(), now, stored).replaceWith(true));
    }

    /**
     * One fenced transition in its own transaction: {@code decide} gets the attempt's row (the claimant's copy is the
     * row as stored, since nobody else may change it while the token holds) and the write applies only if the token
     * still holds and the request is not finished; otherwise the attempt was superseded.
     */
    Uni<Outcome> apply(RequestRow held, Function<RequestRow, RequestLifecycle.Change> decide) {
        return retried(transaction(c -> write(c, decide.apply(held), held.claimToken())));
    }

    /**
     * An outcome write repeated a few times on a failure that may go away (deadlock, connection, timeout): the write
     * is idempotent under its fence, and giving up means the request waits for its claim to end.
     */
    <T> Uni<T> retried(Uni<T> write) {
        return write.onFailure(failure -> !DatabaseErrors.isPermanent(failure)).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(3);
    }

    /** "User is in an incomplete task.": looks the blocking task up in the same transaction as the deferral. */
    Uni<Outcome> applyBusy(RequestRow held, Function<Blocker, RequestLifecycle.Change> decide) {
        return retried(transaction(c -> c.preparedQuery(BLOCKER).execute(Tuple.of(held.userPhone()))
                .map(RequestStore::blockerOf)
                .chain(blocker -> write(c, decide.apply(blocker), held.claimToken()))));
    }

    /** Writes a change on the caller's transaction; {@code fence} -1 writes whoever holds the claim. */
    Uni<Outcome> write(SqlConnection c, RequestLifecycle.Change change, long fence) {
        RequestRow r = change.row();
        if (change.outcome() == Outcome.SUPERSEDED) {
            return Uni.createFrom().item(Outcome.SUPERSEDED);
        }
        OffsetDateTime now = now();
        Tuple t = Tuple.tuple().addValue(r.eventId()).addValue(r.state().dbValue()).addValue(r.attempts())
                .addValue(r.failures()).addValue(at(r.claimUntil())).addValue(at(r.nextAttemptAt()))
                .addValue(at(r.submittedAt())).addValue(at(r.ambiguousSince())).addValue(at(r.deferredSince()))
                .addValue(r.blockingTaskId()).addValue(r.awaitsOwnTask()).addValue(r.taskId()).addValue(r.lastError())
                .addValue(now).addValue(fence).addValue(r.clearedByLookup());
        return c.preparedQuery(UPDATE).execute(t).chain(rows -> rows.rowCount() == 0
                ? Uni.createFrom().item(Outcome.SUPERSEDED)
                : outbox.append(c, change.events(), now, originOf(rows.iterator().next()))
                        .replaceWith(change.outcome()));
    }

    /** Gives a claim back (the queue had no room for it): due again at once, unless it moved on meanwhile. */
    Uni<Void> release(RequestRow held) {
        return timed(pool.preparedQuery(RELEASE).execute(Tuple.of(held.eventId(), held.claimToken())))
                .replaceWithVoid();
    }

    /** A transaction on the pool with the ingest database timeout. */
    <T> Uni<T> transaction(Function<SqlConnection, Uni<T>> work) {
        return timed(pool.withTransaction(work));
    }

    <T> Uni<T> timed(Uni<T> call) {
        return call.ifNoItem().after(timeout).failWith(() -> new DatabaseTimeoutException(timeout));
    }

    static RequestRow rowOf(Row row) {
        return new RequestRow(row.getString("event_id"), row.getString("case_id"), row.getString("user_phone"),
                row.getLong("ingest_seq"), RequestState.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)),
                row.getInteger("attempts"), row.getInteger("failures"), row.getLong("claim_token"),
                instant(row, "claim_until"), instant(row, "next_attempt_at"), instant(row, "submitted_at"),
                instant(row, "ambiguous_since"), instant(row, "deferred_since"), row.getLong("blocking_task_id"),
                row.getBoolean("awaits_own_task"), row.getLong("task_id"), row.getString("last_error"),
                row.getBoolean("cleared_by_lookup"));
    }

    /** The trace and consume time stored with a request, for the events it causes. */
    static EventOrigin originOf(Row row) {
        return new EventOrigin(row.getString("traceparent"), row.getOffsetDateTime("received_at"));
    }

    private static Blocker blockerOf(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return new Blocker.Foreign();
        }
        Row row = rows.iterator().next();
        return new Blocker.Own(row.getLong("task_id"), row.getBoolean("tracking"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** A database call of ingest took longer than {@code bridge.ingest.db-timeout}: transient, retried. */
    public static final class DatabaseTimeoutException extends RuntimeException {
        DatabaseTimeoutException(Duration timeout) {
            super("database call took longer than " + timeout);
        }
    }
}
