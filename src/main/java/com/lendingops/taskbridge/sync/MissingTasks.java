package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.config.SyncConfig;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskMissing;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.outbox.EventOrigin;
import com.lendingops.taskbridge.outbox.OutboxRows;
import com.lendingops.taskbridge.task.TaskStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What "incs does not return this task" means, inside the caller's transaction. An ended task whose tail was
 * due is simply no longer tracked. An active task counts a missed cycle; at {@code missing-after-cycles} it is
 * declared missing (one {@code collection.task.missing} event) and from then on re-checked only every
 * {@code missing-recheck-interval}: "missing" is not forever, a task that reappears resumes.
 */
@ApplicationScoped
public class MissingTasks {

    private static final String LOAD = """
            select task_id, event_id, case_id, status, missing_cycles, change_seq from incs_task
            where task_id = any($1) and tracking order by task_id for update""";
    private static final String UPDATE = """
            update incs_task set missing_cycles = $2, change_seq = $3, tracking = $4,
              recheck_at = case when $5 then $7::timestamptz + make_interval(secs => $6) else null end, updated_at = $7
            where task_id = $1""";

    private final OutboxRows outbox;
    private final SyncConfig config;
    private final IncsTime time;
    private final Clock clock;

    public MissingTasks(OutboxRows outbox, SyncConfig config, IncsTime time, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.time = time;
        this.clock = clock;
    }

    Uni<TaskChangeRecorder.Recorded> record(SqlConnection connection, List<Long> taskIds, EventOrigin origin) {
        return connection.preparedQuery(LOAD).execute(Tuple.of(taskIds.toArray(Long[]::new))).chain(rows -> {
            List<Tuple> updates = new ArrayList<>();
            List<TaskEvent> events = new ArrayList<>();
            double recheckSeconds = config.missingRecheckInterval().toMillis() / 1000.0;
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (Row row : rows) {
                int status = row.getInteger("status");
                int missed = row.getInteger("missing_cycles") + 1;
                int changeSeq = row.getInteger("change_seq");
                boolean tailOnly = TaskStatus.of(status).isFinal();
                boolean declared = !tailOnly && missed >= config.missingAfterCycles();
                if (declared && missed == config.missingAfterCycles()) {
                    changeSeq++;
                    events.add(TaskEvent.missing(new TaskMissing(row.getString("event_id"), row.getString("case_id"),
                            row.getLong("task_id"), status, missed, OffsetDateTime.now(clock.withZone(time.zone()))), changeSeq));
                }
                updates.add(Tuple.tuple().addLong(row.getLong("task_id")).addInteger(missed).addInteger(changeSeq)
                        .addBoolean(!tailOnly).addBoolean(declared).addDouble(recheckSeconds).addOffsetDateTime(now));
            }
            TaskChangeRecorder.Recorded recorded = new TaskChangeRecorder.Recorded(updates.size(), events.size(),
                    events.size(), List.of(), false);
            return outbox.append(connection, events, now, origin)
                    .chain(() -> TaskChangeRecorder.batch(connection, UPDATE, updates))
                    .replaceWith(recorded);
        });
    }
}
