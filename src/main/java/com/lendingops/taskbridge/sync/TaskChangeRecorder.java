package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskMissing;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.IncsTaskLog;
import com.lendingops.taskbridge.task.TaskEnded;
import com.lendingops.taskbridge.task.TaskStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes what the sync learnt about one task in one transaction: its new logs, its new state and the
 * outbox events, so that an event exists exactly when the change it reports was stored. Must run on a
 * safe Vert.x duplicated context (Hibernate Reactive).
 */
@ApplicationScoped
public class TaskChangeRecorder {

    /** Outcome of one transaction; {@code ended} is set when the task reached a final status (fire after commit). */
    public record Recorded(int events, boolean missing, TaskEnded ended) {
        static final Recorded NOTHING = new Recorded(0, false, null);
    }

    private final OutboxWriter outbox;
    private final IncsTime time;
    private final TaskChangePlanner planner;

    public TaskChangeRecorder(OutboxWriter outbox, IncsTime time) {
        this.outbox = outbox;
        this.time = time;
        this.planner = new TaskChangePlanner(time, Clock.systemUTC());
    }

    /** Applies incs' view of a task; a task no longer tracked (ended, or another writer won) is left alone. */
    public Uni<Recorded> recordView(IncsTaskView view) {
        return Panache.withTransaction(() -> IncsTask.<IncsTask>findById(view.id()).chain(task ->
                task == null || !task.tracking ? Uni.createFrom().item(Recorded.NOTHING) : apply(task, view)));
    }

    /** Counts a cycle in which the task could not be found; after {@code missingAfter} cycles it is declared missing. */
    public Uni<Recorded> recordNotFound(long taskId, int missingAfter) {
        return Panache.withTransaction(() -> IncsTask.<IncsTask>findById(taskId).chain(task -> {
            if (task == null || !task.tracking) {
                return Uni.createFrom().item(Recorded.NOTHING);
            }
            task.missingCycles++;
            task.updatedAt = now();
            if (task.missingCycles < missingAfter) {
                return Uni.createFrom().item(Recorded.NOTHING);
            }
            task.tracking = false;
            TaskMissing data = new TaskMissing(task.eventId, task.caseId, task.taskId, task.status, task.missingCycles,
                    OffsetDateTime.now(time.zone()));
            return outbox.append(TaskEvent.missing(data)).replaceWith(new Recorded(1, true, null));
        }));
    }

    private Uni<Recorded> apply(IncsTask task, IncsTaskView view) {
        return IncsTaskLog.<IncsTaskLog>list("taskId", task.taskId).chain(stored -> {
            Set<Long> known = stored.stream().map(log -> log.logId).collect(Collectors.toSet());
            KnownTask base = new KnownTask(task.taskId, task.eventId, task.caseId, task.status, task.assignee);
            TaskChanges changes = planner.plan(base, view, known);
            return persistLogs(task.taskId, changes.newLogs())
                    .chain(() -> appendInOrder(changes.events()))
                    .map(ignored -> updateTask(task, view, changes));
        });
    }

    /** Sequential on purpose: one reactive session, and outbox ids must follow event order. */
    private Uni<Void> persistLogs(long taskId, List<IncsTaskView.Log> logs) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        OffsetDateTime recordedAt = now();
        for (IncsTaskView.Log log : logs) {
            IncsTaskLog row = new IncsTaskLog();
            row.logId = log.id();
            row.taskId = taskId;
            row.type = log.type() == null ? 0 : log.type().shortValue();
            row.status = log.status() == null ? null : log.status().shortValue();
            row.preStatus = log.preStatus() == null ? null : log.preStatus().shortValue();
            row.assignee = log.assigneeUsername();
            row.comment = log.comment();
            row.loggedAt = time.parse(log.createdAt());
            row.recordedAt = recordedAt;
            chain = chain.chain(() -> row.persist().replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> appendInOrder(List<TaskEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TaskEvent event : events) {
            chain = chain.chain(() -> outbox.append(event));
        }
        return chain;
    }

    private Recorded updateTask(IncsTask task, IncsTaskView view, TaskChanges changes) {
        task.status = (short) changes.status();
        task.assignee = changes.assignee();
        if (task.conversationId == null && view.conversationId() != null) {
            task.conversationId = view.conversationId();
        }
        task.missingCycles = 0;
        task.incsUpdatedAt = time.parse(view.updatedAt());
        task.lastSeenAt = now();
        task.updatedAt = task.lastSeenAt;
        TaskEnded ended = null;
        if (TaskStatus.of(changes.status()).isFinal()) {
            task.tracking = false;
            ended = new TaskEnded(task.taskId, task.userPhone, changes.status());
        }
        return new Recorded(changes.events().size(), false, ended);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
