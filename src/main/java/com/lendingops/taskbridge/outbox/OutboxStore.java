package com.lendingops.taskbridge.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The relay's SQL on {@code outbox_event}, on the reactive client (no ORM session needed). */
@ApplicationScoped
public class OutboxStore {

    /** Pending and published row statistics for the lag gauge. */
    public record Backlog(long pending, OffsetDateTime oldestPendingAt) {
    }

    private static final String PENDING = """
            select id, ce_id, ce_type, ce_subject, ce_time, record_key, payload
            from outbox_event where published_at is null order by id limit $1""";
    private static final String MARK_PUBLISHED =
            "update outbox_event set published_at = now(), attempts = attempts + 1 where id = any($1)";
    private static final String COUNT_FAILED_ATTEMPT =
            "update outbox_event set attempts = attempts + 1 where id = any($1) and published_at is null";
    private static final String PRUNE = """
            delete from outbox_event where id in (
              select id from outbox_event where published_at < now() - make_interval(secs => $1) order by id limit $2)""";
    private static final String BACKLOG =
            "select count(*) as pending, min(created_at) as oldest from outbox_event where published_at is null";

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
                        row.getString("payload")));
            }
            return events;
        });
    }

    public Uni<Void> markPublished(List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : pool.preparedQuery(MARK_PUBLISHED).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    public Uni<Void> countFailedAttempt(List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : pool.preparedQuery(COUNT_FAILED_ATTEMPT).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Deletes up to {@code limit} rows published longer ago than the retention; emits how many. */
    public Uni<Integer> prunePublished(Duration retention, int limit) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(retention.toMillis() / 1000.0, limit))
                .map(rows -> rows.rowCount());
    }

    public Uni<Backlog> backlog() {
        return pool.query(BACKLOG).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Backlog(row.getLong("pending"), row.getOffsetDateTime("oldest"));
        });
    }
}
