package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.task.TaskEnded;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes {@link TaskEnded} like ingest does and records, per task, whether another connection
 * already saw the task as no longer tracked when the event arrived (it was fired after commit).
 */
@ApplicationScoped
public class TaskEndedProbe {

    /** What the probe saw for one ended task. */
    public record Seen(TaskEnded event, boolean committedBeforeFire) {
    }

    private final Pool pool;
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

    public TaskEndedProbe(Pool pool) {
        this.pool = pool;
    }

    void onTaskEnded(@Observes TaskEnded event) {
        pool.preparedQuery("select status from incs_task where task_id = $1").execute(Tuple.of(event.taskId()))
                .subscribe().with(rows -> {
                    boolean committed = rows.size() == 1 && rows.iterator().next().getInteger("status") >= 2;
                    seen.put(event.taskId(), new Seen(event, committed));
                }, e -> seen.put(event.taskId(), new Seen(event, false)));
    }

    public Seen seen(long taskId) {
        return seen.get(taskId);
    }
}
