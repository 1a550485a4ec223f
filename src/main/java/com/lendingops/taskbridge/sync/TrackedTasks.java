package com.lendingops.taskbridge.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Reads every tracked task with the ids of its recorded logs in one query, so unchanged tasks cost no transaction. */
@ApplicationScoped
public class TrackedTasks {

    private static final String TRACKED = """
            select t.task_id, t.status, t.assignee, t.conversation_id, t.missing_cycles,
                   coalesce(array_agg(l.log_id) filter (where l.log_id is not null), '{}') as log_ids
            from incs_task t left join incs_task_log l on l.task_id = t.task_id
            where t.tracking
            group by t.task_id""";

    private final Pool pool;

    public TrackedTasks(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<Long, TrackedTask>> load() {
        return pool.query(TRACKED).execute().map(rows -> {
            Map<Long, TrackedTask> tracked = new HashMap<>();
            for (Row row : rows) {
                TrackedTask task = toTrackedTask(row);
                tracked.put(task.taskId(), task);
            }
            return tracked;
        });
    }

    private static TrackedTask toTrackedTask(Row row) {
        return new TrackedTask(row.getLong("task_id"), row.getInteger("status"), row.getString("assignee"),
                row.getString("conversation_id"), row.getInteger("missing_cycles"),
                Set.of(row.getArrayOfLongs("log_ids")));
    }
}
