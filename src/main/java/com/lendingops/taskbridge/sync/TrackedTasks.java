package com.lendingops.taskbridge.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads every tracked task due in this cycle in one query, so unchanged tasks cost no transaction. A task
 * declared missing is due again only at its {@code recheck_at} (the slower cadence of missing tasks).
 */
@ApplicationScoped
public class TrackedTasks {

    private static final String TRACKED = """
            select t.task_id, t.status, t.assignee, t.conversation_id, t.missing_cycles,
                   t.synced_at is not null as synced,
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

    public Uni<Map<Long, TrackedTask>> load() {
        return pool.preparedQuery(TRACKED).execute(Tuple.of(OffsetDateTime.now(clock))).map(rows -> {
            Map<Long, TrackedTask> tracked = new HashMap<>(Math.max(16, rows.size() * 2));
            for (Row row : rows) {
                TrackedTask task = toTrackedTask(row);
                tracked.put(task.taskId(), task);
            }
            return tracked;
        });
    }

    private static TrackedTask toTrackedTask(Row row) {
        return new TrackedTask(row.getLong("task_id"), row.getInteger("status"), row.getString("assignee"),
                row.getString("conversation_id"), row.getInteger("missing_cycles"), row.getBoolean("synced"),
                row.getLong("log_count").intValue(), row.getLong("max_log_id"));
    }
}
