package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.events.TaskCreated;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.mapping.PhoneNumbers;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.IncsTaskLog;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Records that incs created (or we found) the task of a request, inside the caller's transaction: the
 * request becomes {@code created}, the task enters the cache that the sync polls, and
 * {@code collection.task.created} goes to the outbox. Only the creation log and the initial assignment log
 * are stored, so the sync never announces the initial assignment as a reassignment, while any later log
 * (status change, remark) of an adopted task is still left for the sync to publish.
 */
@ApplicationScoped
public class CreatedTaskRecorder {

    private static final Logger LOG = Logger.getLogger(CreatedTaskRecorder.class);
    private static final int LOG_CREATED = 1;
    private static final int LOG_ASSIGNED = 2;

    private final OutboxWriter outbox;
    private final IncsTime incsTime;

    public CreatedTaskRecorder(OutboxWriter outbox, IncsTime incsTime) {
        this.outbox = outbox;
        this.incsTime = incsTime;
    }

    /** True when recorded; false when the request already had its task or the task belongs to another request. */
    public Uni<Boolean> record(TaskRequest request, CreateTaskCommand command, IncsTaskView view) {
        if (request.state == RequestState.CREATED) {
            if (!Objects.equals(request.taskId, view.id())) {
                LOG.errorf("request %s already has task %s; incs also reports task %s for it", request.eventId,
                        request.taskId, view.id());
            }
            return Uni.createFrom().item(false);
        }
        return IncsTask.<IncsTask>findById(view.id()).chain(existing -> {
            if (existing != null) {
                LOG.errorf("task %s is already recorded for request %s; not linking it to %s", view.id(),
                        existing.eventId, request.eventId);
                return Uni.createFrom().item(false);
            }
            OffsetDateTime now = RequestIntake.now();
            request.state = RequestState.CREATED;
            request.taskId = view.id();
            request.nextAttemptAt = null;
            request.blockingTaskId = null;
            request.lastError = null;
            request.failures = 0;
            request.updatedAt = now;
            IncsTask task = newTask(request, command, view, now);
            LOG.infof("request %s: incs task %s for case %s, phone %s", request.eventId, task.taskId, request.caseId,
                    PhoneNumbers.mask(task.userPhone));
            return task.persist().chain(() -> persistInitialLogs(view, now))
                    .chain(() -> outbox.append(TaskEvent.created(new TaskCreated(request.eventId, request.caseId,
                            task.taskId, task.creationId, task.conversationId, task.authId, task.assignee,
                            task.status, task.incsCreatedAt != null ? task.incsCreatedAt : now), now)))
                    .replaceWith(true);
        });
    }

    private IncsTask newTask(TaskRequest request, CreateTaskCommand command, IncsTaskView view, OffsetDateTime now) {
        IncsTask task = new IncsTask();
        task.taskId = view.id();
        task.eventId = request.eventId;
        task.caseId = request.caseId;
        task.creationId = view.creationId();
        task.conversationId = view.conversationId();
        task.authId = view.authId() != null ? view.authId() : command.authId();
        task.userPhone = request.userPhone != null ? request.userPhone : command.userPhone();
        task.name = view.name() != null ? view.name() : command.name();
        task.assignee = view.assigneeUsername() != null && !view.assigneeUsername().isBlank()
                ? view.assigneeUsername() : command.assigneeUsername();
        task.status = (short) (view.status() == null ? 0 : view.status());
        task.tracking = true;
        task.incsCreatedAt = incsTime.parse(view.createdAt());
        task.incsUpdatedAt = incsTime.parse(view.updatedAt());
        task.lastSeenAt = now;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    private Uni<Void> persistInitialLogs(IncsTaskView view, OffsetDateTime now) {
        List<IncsTaskLog> initial = new ArrayList<>();
        boolean assignedSeen = false;
        for (IncsTaskView.Log log : view.logsOrEmpty()) {
            if (log.id() == null || log.type() == null) {
                continue;
            }
            boolean initialAssignment = log.type() == LOG_ASSIGNED && !assignedSeen;
            if (log.type() == LOG_CREATED || initialAssignment) {
                assignedSeen |= initialAssignment;
                initial.add(toEntity(view.id(), log, now));
            }
        }
        if (initial.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return IncsTaskLog.persist(initial);
    }

    private IncsTaskLog toEntity(long taskId, IncsTaskView.Log log, OffsetDateTime now) {
        IncsTaskLog entity = new IncsTaskLog();
        entity.logId = log.id();
        entity.taskId = taskId;
        entity.type = log.type().shortValue();
        entity.status = log.status() == null ? null : log.status().shortValue();
        entity.preStatus = log.preStatus() == null ? null : log.preStatus().shortValue();
        entity.assignee = log.assigneeUsername();
        entity.comment = log.comment();
        entity.loggedAt = incsTime.parse(log.createdAt());
        entity.recordedAt = now;
        return entity;
    }
}
