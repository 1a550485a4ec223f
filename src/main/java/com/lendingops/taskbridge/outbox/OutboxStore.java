package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.leader.LeaseFence;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's SQL on {@code outbox_event}, on the reactive client (no ORM session needed). A key is blocked
 * while one of its unpublished rows waits for its retry time; the pending query reads past blocked keys, so a
 * poisoned row delays only its own case. Parked rows are set aside for good (a person decides) and no longer
 * block their key.
 */
@ApplicationScoped
public class OutboxStore {

    /** Pending and parked row statistics for the gauges. */
    public record Backlog(long pending, OffsetDateTime oldestPendingAt, long parked) {
        public Backlog(long pending, OffsetDateTime oldestPendingAt) {
            this(pending, oldestPendingAt, 0);
        }
    }

    private static final String PENDING = """
            select o.id, o.ce_id, o.ce_type, o.ce_subject, o.ce_time, o.record_key, o.payload, o.traceparent,
                   o.origin_at
            from outbox_event o
            where o.published_at is null and o.parked_at is null
              and not exists (select 1 from outbox_event b
                              where b.record_key = o.record_key and b.published_at is null and b.parked_at is null
                                and b.id <= o.id and b.next_attempt_at > now())
            order by o.id limit $1""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now(), attempts = attempts + 1"
            + " where id = any($1) and " + LeaseFence.currentCondition(2, 3, 4);
    private static final String RECORD_FAILURE = """
            update outbox_event set attempts = attempts + 1, last_error = $2,
              next_attempt_at = now() + make_interval(secs => least($4, $3 * power(2, least(attempts, 20)))),
              parked_at = case when $5 and attempts + 1 >= $6 then now() else null end
            where id = $1 and published_at is null
            returning parked_at is not null as parked""";
    private static final String PRUNE = """
            delete from outbox_event where id in (
              select id from outbox_event where published_at < now() - make_interval(secs => $1) order by id limit $2)""";
    private static final String BACKLOG = """
            select count(*) filter (where parked_at is null) as pending,
                   min(created_at) filter (where parked_at is null) as oldest,
                   count(*) filter (where parked_at is not null) as parked
            from outbox_event where published_at is null""";

    private final Pool pool;

    public OutboxStore(Pool pool) {
        this.pool = pool;
    }

    /** The oldest pending rows, in id (= append) order. */
    public Uni<List<PendingEvent>> pending(int limit) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(limit)).map(rows -> {
            List<PendingEvent> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(new PendingEvent(row.getLong("id"), row.getString("ce_id"), row.getString("ce_type"),
                        row.getString("ce_subject"), row.getOffsetDateTime("ce_time"), row.getString("record_key"),
                        row.getString("payload"), row.getString("traceparent"),
                        row.getOffsetDateTime("origin_at")));
            }
            return events;
        });
    }

    /**
     * Marks rows published if the fence is still the lease's current tenure; emits false when it is not (the
     * rows stay pending for the current leader, which re-publishes them with the same ce_id).
     */
    public Uni<Boolean> markPublished(List<Long> ids, LeaseFence fence) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        Tuple args = Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addString(fence.name())
                .addString(fence.holder()).addLong(fence.epoch());
        return pool.preparedQuery(MARK_PUBLISHED).execute(args).map(rows -> rows.rowCount() > 0);
    }

    /**
     * Counts a failed attempt per row and sets the row's (and so its key's) next attempt time, doubling from
     * {@code initial} up to {@code max}; a permanent failure at the {@code parkAfter}-th attempt parks the row.
     * Emits how many rows were parked.
     */
    public Uni<Integer> recordFailures(List<RelayFailure> failures, Duration initial, Duration max, int parkAfter) {
        if (failures.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = failures.stream().map(f -> Tuple.tuple().addLong(f.id()).addString(f.message())
                .addDouble(initial.toMillis() / 1000.0).addDouble(max.toMillis() / 1000.0)
                .addBoolean(f.permanent()).addInteger(parkAfter)).toList();
        return pool.preparedQuery(RECORD_FAILURE).executeBatch(rows).map(result -> {
            int parked = 0;
            for (var batch = result; batch != null; batch = batch.next()) {
                for (Row row : batch) {
                    parked += row.getBoolean("parked") ? 1 : 0;
                }
            }
            return parked;
        });
    }

    /** Deletes up to {@code limit} rows published longer ago than the retention; emits how many. */
    public Uni<Integer> prunePublished(Duration retention, int limit) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(retention.toMillis() / 1000.0, limit))
                .map(rows -> rows.rowCount());
    }

    public Uni<Backlog> backlog() {
        return pool.query(BACKLOG).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Backlog(row.getLong("pending"), row.getOffsetDateTime("oldest"), row.getLong("parked"));
        });
    }
}
