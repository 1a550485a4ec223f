package com.lendingops.taskbridge.sync;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * Reads every tracked task due in this cycle in one query, so unchanged tasks cost no transaction. A task
 * declared missing is due again only at its {@code recheck_at} (the slower cadence of missing tasks).
 * <p>
 * Memory: at 100,000 tracked tasks this is the cycle's largest state. Rows become {@link TrackedTask}s as they are
 * decoded (a collector, not a row set held beside them), the few distinct assignee names are shared, and the tasks
 * are kept in a compact {@link TrackedSet}.
 */
@ApplicationScoped
public class TrackedTasks {

    private static final String TRACKED = """
            select t.task_id, t.status, t.assignee, t.conversation_id is not null as has_conversation,
                   t.missing_cycles, t.synced_at is not null as synced,
                   (select count(*) from incs_task_log l where l.task_id = t.task_id) as log_count,
                   (select coalesce(max(l.log_id), 0) from incs_task_log l where l.task_id = t.task_id) as max_log_id
            from incs_task t
            where t.tracking and (t.recheck_at is null or t.recheck_at <= $1)""";

    private final Pool pool;
    private final Clock clock;

    public TrackedTasks(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    Uni<TrackedSet> load() {
        return UniHelper.toUni(pool.getDelegate().preparedQuery(TRACKED).collecting(asTasks())
                        .execute(Tuple.of(OffsetDateTime.now(clock))))
                .map(SqlResult::value)
                .map(TrackedSet::of);
    }

    /** Each row becomes a task as it is decoded; one assignee string per distinct name. */
    private static Collector<Row, ?, List<TrackedTask>> asTasks() {
        Map<String, String> assignees = new HashMap<>();
        return Collectors.mapping(row -> toTrackedTask(row, assignees), Collectors.toList());
    }

    private static TrackedTask toTrackedTask(Row row, Map<String, String> assignees) {
        String assignee = row.getString("assignee");
        return new TrackedTask(row.getLong("task_id"), row.getInteger("status"),
                assignee == null ? null : assignees.computeIfAbsent(assignee, name -> name),
                row.getBoolean("has_conversation"), row.getInteger("missing_cycles"), row.getBoolean("synced"),
                row.getLong("log_count").intValue(), row.getLong("max_log_id"));
    }
}
