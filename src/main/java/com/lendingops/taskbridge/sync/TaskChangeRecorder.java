package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.leader.LeaseFence;
import com.lendingops.taskbridge.outbox.EventOrigin;
import com.lendingops.taskbridge.outbox.OutboxRows;
import com.lendingops.taskbridge.task.TaskEnded;
import com.lendingops.taskbridge.task.TaskStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what the sync learnt about a batch of tasks (one page) in one transaction: their new logs, their new
 * state and the outbox events, so that an event exists exactly when the change it reports was stored. The
 * transaction first checks the lease fence (and holds a share lock on the lease row until commit, so a
 * take-over waits for it): a replica that lost the lease writes nothing. What each task's row holds is compared
 * with the view inside the transaction, so a view older than what another writer stored adds nothing.
 */
@ApplicationScoped
public class TaskChangeRecorder {

    /** Outcome of one transaction; {@code ended} lists tasks that reached a final status (fire after commit). */
    public record Recorded(int recorded, int events, int missing, List<TaskEnded> ended, boolean fenced) {
        static final Recorded NOTHING = new Recorded(0, 0, 0, List.of(), false);
        static final Recorded FENCED = new Recorded(0, 0, 0, List.of(), true);
    }

    private static final String FENCE =
            "select 1 from leader_lease where name = $1 and holder = $2 and epoch = $3 for share";
    private static final String LOAD = """
            select t.task_id, t.event_id, t.case_id, t.status, t.assignee, t.user_phone,
                   t.synced_at is not null as synced, t.change_seq,
                   (select l.assignee from incs_task_log l where l.task_id = t.task_id and l.type = 2
                    order by l.log_id limit 1) as initial_assignee
            from incs_task t where t.task_id = any($1) and t.tracking order by t.task_id for update""";
    private static final String LOG_IDS = "select log_id from incs_task_log where task_id = any($1)";
    private static final String INSERT_LOG = """
            insert into incs_task_log (log_id, task_id, type, status, pre_status, assignee, comment, logged_at,
              recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (log_id) do nothing""";
    private static final String UPDATE_TASK = """
            update incs_task set status = $2, assignee = $3, conversation_id = coalesce(conversation_id, $4),
              incs_updated_at = coalesce($5, incs_updated_at), change_seq = $6, tracking = $7, missing_cycles = 0,
              recheck_at = null, synced_at = coalesce(synced_at, $8), last_seen_at = $8, updated_at = $8,
              version = version + 1
            where task_id = $1""";

    private final Pool pool;
    private final OutboxRows outbox;
    private final IncsTime time;
    private final TaskChangePlanner planner;
    private final MissingTasks missingTasks;
    private final Clock clock;

    public TaskChangeRecorder(Pool pool, OutboxRows outbox, IncsTime time, MissingTasks missingTasks, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.time = time;
        this.missingTasks = missingTasks;
        this.clock = clock;
        this.planner = new TaskChangePlanner(time, clock);
    }

    /** Applies incs' views of a batch of tasks; tasks no longer tracked are left alone. */
    public Uni<Recorded> recordViews(List<IncsTaskView> views, LeaseFence fence) {
        return recordViews(views, fence, EventOrigin.NONE);
    }

    /** As {@link #recordViews(List, LeaseFence)}; the events carry {@code origin}'s trace (the sync cycle's). */
    public Uni<Recorded> recordViews(List<IncsTaskView> views, LeaseFence fence, EventOrigin origin) {
        if (views.isEmpty()) {
            return Uni.createFrom().item(Recorded.NOTHING);
        }
        Map<Long, IncsTaskView> byId = new HashMap<>();
        views.forEach(view -> byId.put(view.id(), view));
        Long[] ids = byId.keySet().toArray(Long[]::new);
        return pool.withTransaction(connection -> fenced(connection, fence, () -> connection.preparedQuery(LOAD)
                .execute(Tuple.of(ids))
                .chain(tasks -> connection.preparedQuery(LOG_IDS).execute(Tuple.of(ids)).chain(logRows -> {
                    Set<Long> knownLogs = new HashSet<>();
                    logRows.forEach(row -> knownLogs.add(row.getLong("log_id")));
                    return apply(connection, tasks, byId, knownLogs, origin);
                }))));
    }

    /** Counts a cycle in which each task could not be found (see {@link MissingTasks}). */
    public Uni<Recorded> recordNotFound(List<Long> taskIds, LeaseFence fence, EventOrigin origin) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Recorded.NOTHING);
        }
        return pool.withTransaction(connection -> fenced(connection, fence,
                () -> missingTasks.record(connection, taskIds, origin)));
    }

    /** Runs the work only if the fence is still the lease's current tenure; the share lock lasts until commit. */
    static Uni<Recorded> fenced(SqlConnection connection, LeaseFence fence,
                                java.util.function.Supplier<Uni<Recorded>> work) {
        return connection.preparedQuery(FENCE).execute(Tuple.of(fence.name(), fence.holder(), fence.epoch()))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Recorded.FENCED) : work.get());
    }

    private Uni<Recorded> apply(SqlConnection connection, Iterable<Row> tasks, Map<Long, IncsTaskView> views,
                               Set<Long> knownLogs, EventOrigin origin) {
        List<Tuple> logs = new ArrayList<>();
        List<TaskEvent> events = new ArrayList<>();
        List<Tuple> updates = new ArrayList<>();
        List<TaskEnded> ended = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Row row : tasks) {
            IncsTaskView view = views.get(row.getLong("task_id"));
            int storedStatus = row.getInteger("status");
            KnownTask known = new KnownTask(row.getLong("task_id"), row.getString("event_id"),
                    row.getString("case_id"), storedStatus, row.getString("assignee"), row.getBoolean("synced"),
                    row.getString("initial_assignee"), row.getInteger("change_seq"));
            TaskChanges changes = planner.plan(known, view, knownLogs);
            changes.newLogs().forEach(log -> logs.add(logRow(known.taskId(), log, now)));
            events.addAll(changes.events());
            boolean wasFinal = TaskStatus.of(storedStatus).isFinal();
            boolean isFinal = TaskStatus.of(changes.status()).isFinal();
            // a task that just ended is read once more (its tail: a remark written just after the end)
            updates.add(Tuple.tuple().addLong(known.taskId()).addShort((short) changes.status())
                    .addString(changes.assignee()).addString(blankToNull(view.conversationId()))
                    .addOffsetDateTime(time.parse(view.updatedAt())).addInteger(changes.changeSeq())
                    .addBoolean(!wasFinal).addOffsetDateTime(now));
            if (isFinal && !wasFinal) {
                ended.add(new TaskEnded(known.taskId(), row.getString("user_phone"), changes.status()));
            }
        }
        if (updates.isEmpty()) {
            return Uni.createFrom().item(Recorded.NOTHING);
        }
        Recorded recorded = new Recorded(updates.size(), events.size(), 0, List.copyOf(ended), false);
        return batch(connection, INSERT_LOG, logs)
                .chain(() -> outbox.append(connection, events, now, origin))
                .chain(() -> batch(connection, UPDATE_TASK, updates))
                .replaceWith(recorded);
    }

    private Tuple logRow(long taskId, IncsTaskView.Log log, OffsetDateTime now) {
        return Tuple.tuple().addLong(log.id()).addLong(taskId)
                .addShort(log.type() == null ? 0 : log.type().shortValue())
                .addShort(log.status() == null ? null : log.status().shortValue())
                .addShort(log.preStatus() == null ? null : log.preStatus().shortValue())
                .addString(log.assigneeUsername()).addString(log.comment())
                .addOffsetDateTime(time.parse(log.createdAt())).addOffsetDateTime(now);
    }

    static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
