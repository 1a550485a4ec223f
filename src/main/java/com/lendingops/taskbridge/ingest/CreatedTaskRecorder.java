package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.events.TaskCreated;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.logging.LogFields;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records that incs created (or we found) the task of a request, in one transaction: the request becomes
 * {@code created} (the lifecycle decides, unfenced: created always wins), the task enters the cache that the sync
 * polls, and {@code collection.task.created} goes to the outbox. Only the creation log and the initial assignment
 * log are stored, so the sync never announces the initial assignment as a reassignment, while any later log of an
 * adopted task is still left for the sync to publish.
 */
@ApplicationScoped
public class CreatedTaskRecorder {

    private static final Logger LOG = Logger.getLogger(CreatedTaskRecorder.class);
    private static final int LOG_CREATED = 1;
    private static final int LOG_ASSIGNED = 2;

    static final String INSERT_TASK = """
            insert into incs_task (task_id, event_id, case_id, creation_id, conversation_id, auth_id, user_phone, name,
                assignee, status, tracking, incs_created_at, incs_updated_at, last_seen_at, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $13, $13, $13)
            on conflict do nothing""";

    static final String INSERT_LOG = """
            insert into incs_task_log (log_id, task_id, type, status, pre_status, assignee, comment, logged_at,
                recorded_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing""";

    private final RequestStore store;
    private final RequestLifecycle lifecycle;
    private final IncsTime incsTime;

    public CreatedTaskRecorder(RequestStore store, RequestLifecycle lifecycle, IncsTime incsTime) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.incsTime = incsTime;
    }

    /** CREATED or ADOPTED when recorded; SUPERSEDED when the request had a task or the task is another request's. */
    public Uni<Outcome> record(RequestRow held, CreateTaskCommand command, IncsTaskView view, boolean adopted) {
        OffsetDateTime now = store.now();
        TaskCreated created = createdEvent(held, command, view, now);
        RequestLifecycle.Change change = lifecycle.created(held, created, adopted);
        if (change.outcome() == Outcome.SUPERSEDED) {
            return Uni.createFrom().item(Outcome.SUPERSEDED);
        }
        Uni<Outcome> transaction = store.transaction(c -> recordIn(c, held, command, view, created, change, now))
                .onFailure(AlreadyCreated.class).recoverWithItem(Outcome.SUPERSEDED);
        return store.retried(transaction)
                .invoke(outcome -> {
                    if (outcome != Outcome.SUPERSEDED) {
                        LogFields.task(view.id());
                        // the log filter (logging.SensitiveDataFilter) masks the phone, like every phone in any line
                        LOG.infof("request %s: incs task %s for case %s, phone %s", held.eventId(), view.id(),
                                held.caseId(), held.userPhone());
                    }
                });
    }

    /** Task row, initial logs, request row and event; fails with {@link AlreadyCreated} to roll the task back. */
    private Uni<Outcome> recordIn(SqlConnection c, RequestRow held, CreateTaskCommand command, IncsTaskView view,
                                  TaskCreated created, RequestLifecycle.Change change, OffsetDateTime now) {
        return c.preparedQuery(INSERT_TASK).execute(taskRow(held, command, view, created, now)).chain(rows -> {
            if (rows.rowCount() == 0) {
                LOG.errorf("task %s is already recorded (for request %s or another); not linking it", view.id(),
                        held.eventId());
                return Uni.createFrom().item(Outcome.SUPERSEDED);
            }
            return insertInitialLogs(c, view, now).chain(() -> store.write(c, change, RequestStore.UNFENCED))
                    .invoke(outcome -> {
                        if (outcome == Outcome.SUPERSEDED) {
                            throw new AlreadyCreated();
                        }
                    });
        });
    }

    private TaskCreated createdEvent(RequestRow r, CreateTaskCommand command, IncsTaskView view, OffsetDateTime now) {
        OffsetDateTime incsCreated = incsTime.parse(view.createdAt());
        return new TaskCreated(r.eventId(), r.caseId(), view.id(), view.creationId(), view.conversationId(),
                view.authId() != null ? view.authId() : command.authId(), assignee(command, view),
                view.status() == null ? 0 : view.status(), incsCreated != null ? incsCreated : now);
    }

    private Tuple taskRow(RequestRow r, CreateTaskCommand command, IncsTaskView view, TaskCreated created,
                          OffsetDateTime now) {
        return Tuple.tuple().addValue(view.id()).addValue(r.eventId()).addValue(r.caseId())
                .addValue(view.creationId()).addValue(view.conversationId()).addValue(created.authId())
                .addValue(r.userPhone() != null ? r.userPhone() : command.userPhone())
                .addValue(view.name() != null ? view.name() : command.name()).addValue(created.assignee())
                .addValue((short) created.status()).addValue(incsTime.parse(view.createdAt()))
                .addValue(incsTime.parse(view.updatedAt())).addValue(now);
    }

    private static String assignee(CreateTaskCommand command, IncsTaskView view) {
        return view.assigneeUsername() != null && !view.assigneeUsername().isBlank() ? view.assigneeUsername()
                : command.assigneeUsername();
    }

    private Uni<Void> insertInitialLogs(SqlConnection c, IncsTaskView view, OffsetDateTime now) {
        List<Tuple> initial = new ArrayList<>();
        boolean assignedSeen = false;
        for (IncsTaskView.Log log : view.logsOrEmpty()) {
            if (log.id() == null || log.type() == null) {
                continue;
            }
            boolean initialAssignment = log.type() == LOG_ASSIGNED && !assignedSeen;
            if (log.type() == LOG_CREATED || initialAssignment) {
                assignedSeen |= initialAssignment;
                initial.add(Tuple.tuple().addValue(log.id()).addValue(view.id()).addValue(log.type().shortValue())
                        .addValue(log.status() == null ? null : log.status().shortValue())
                        .addValue(log.preStatus() == null ? null : log.preStatus().shortValue())
                        .addValue(log.assigneeUsername()).addValue(log.comment())
                        .addValue(incsTime.parse(log.createdAt())).addValue(now));
            }
        }
        if (initial.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(INSERT_LOG).executeBatch(initial).replaceWithVoid();
    }

    /** The request already has its task: roll the task row back. */
    private static final class AlreadyCreated extends RuntimeException {
        AlreadyCreated() {
            super("request already created", null, false, false);
        }
    }
}
