package com.lendingops.taskbridge.query;

import com.lendingops.taskbridge.task.RequestState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database figures of the summary in one round trip: counts per request state (index-only on
 * {@code task_request_state_received_idx}), the oldest deferral, the outbox backlog (partial pending index) and
 * the lease row (the database clock decides whether it is still valid).
 */
@ApplicationScoped
public class SummaryQueries {

    private static final String SQL = """
            select now() as at,
                   (select json_object_agg(state, n)::text from (select state, count(*) n from task_request
                                                                 group by state) s) as states,
                   (select extract(epoch from now() - min(deferred_since)) from task_request
                    where state = 'deferred') as oldest_deferred,
                   (select count(*) from outbox_event where published_at is null) as pending,
                   (select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event
                    where published_at is null) as lag,
                   (select holder from leader_lease where name = $1 and expires_at > now()) as leader,
                   (select expires_at from leader_lease where name = $1 and expires_at > now()) as lease_expires""";

    private final Pool pool;

    public SummaryQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Summary.Stored> read(String leaseName) {
        return pool.preparedQuery(SQL).execute(io.vertx.mutiny.sqlclient.Tuple.of(leaseName))
                .map(SummaryQueries::stored);
    }

    private static Summary.Stored stored(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        Map<String, Long> states = new LinkedHashMap<>();
        for (RequestState state : RequestState.values()) {
            states.put(state.dbValue(), 0L);
        }
        String counted = row.getString("states");
        if (counted != null) {
            new io.vertx.core.json.JsonObject(counted).forEach(e -> states.put(e.getKey(),
                    ((Number) e.getValue()).longValue()));
        }
        Number oldest = row.getNumeric("oldest_deferred");
        Number lag = row.getNumeric("lag");
        return new Summary.Stored(row.getOffsetDateTime("at"), states, oldest == null ? null : oldest.longValue(),
                row.getLong("pending"), lag == null ? 0 : Math.round(lag.doubleValue() * 10) / 10.0,
                row.getString("leader"), row.getOffsetDateTime("lease_expires"));
    }
}
