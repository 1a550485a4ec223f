package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.events.TaskAssigned;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskRemarked;
import com.lendingops.taskbridge.events.TaskStatusChanged;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.task.TaskStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the difference between a known task and incs' current view of it into events, without I/O.
 * Logs are replayed in incs log id order; the view's own status and assignee then cover changes incs
 * made without writing a log. Statuses only move forward (0 → 1 → 2|3), which is how a late log for
 * a change already published from the view is recognised and not published twice.
 */
public class TaskChangePlanner {

    static final int CREATED = 1;
    static final int ASSIGNED = 2;
    static final int STATUS_CHANGE = 3;
    static final int REMARK = 4;

    private final IncsTime time;
    private final Clock clock;

    public TaskChangePlanner(IncsTime time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    public TaskChanges plan(KnownTask known, IncsTaskView view, Set<Long> knownLogIds) {
        List<IncsTaskView.Log> newLogs = view.logsOrEmpty().stream()
                .filter(log -> log.id() != null && !knownLogIds.contains(log.id()))
                .sorted(Comparator.comparing(IncsTaskView.Log::id))
                .toList();
        Replay replay = new Replay(known);
        newLogs.forEach(replay::apply);
        replay.applyView(view);
        return new TaskChanges(newLogs, List.copyOf(replay.events), replay.status, replay.assignee);
    }

    /** The task's state while its new logs are applied one by one. */
    private final class Replay {
        private final KnownTask known;
        private final List<TaskEvent> events = new ArrayList<>();
        private int status;
        private String assignee;

        Replay(KnownTask known) {
            this.known = known;
            this.status = known.status();
            this.assignee = known.assignee();
        }

        void apply(IncsTaskView.Log log) {
            int type = log.type() == null ? 0 : log.type();
            switch (type) {
                case STATUS_CHANGE -> changeStatus(log.status(), log.id(), when(log.createdAt()));
                case ASSIGNED -> assign(log.assigneeUsername(), log.id(), when(log.createdAt()));
                case REMARK -> events.add(TaskEvent.remarked(new TaskRemarked(known.eventId(), known.caseId(),
                        known.taskId(), log.comment(), log.assigneeUsername(), when(log.createdAt())), log.id()));
                default -> { } // type 1 (created) and unknown types carry nothing to publish
            }
        }

        void applyView(IncsTaskView view) {
            OffsetDateTime at = when(view.updatedAt());
            changeStatus(view.status(), null, at);
            String viewAssignee = view.assigneeUsername();
            if (viewAssignee != null && !viewAssignee.isBlank() && !viewAssignee.equals(assignee)) {
                if (assignee == null) {
                    assignee = viewAssignee; // learning the initial assignment is not a reassignment
                } else {
                    events.add(TaskEvent.assignedWithoutLog(new TaskAssigned(known.eventId(), known.caseId(),
                            known.taskId(), viewAssignee, assignee, at)));
                    assignee = viewAssignee;
                }
            }
        }

        private void changeStatus(Integer newStatus, Long logId, OffsetDateTime at) {
            if (!advances(status, newStatus)) {
                return;
            }
            events.add(TaskEvent.statusChanged(new TaskStatusChanged(known.eventId(), known.caseId(), known.taskId(),
                    status, newStatus, TaskStatus.of(newStatus).publishedName(), at, assignee), logId));
            status = newStatus;
        }

        private void assign(String newAssignee, long logId, OffsetDateTime at) {
            if (newAssignee == null || newAssignee.isBlank() || Objects.equals(newAssignee, assignee)) {
                return;
            }
            if (assignee != null) {
                events.add(TaskEvent.assigned(new TaskAssigned(known.eventId(), known.caseId(), known.taskId(),
                        newAssignee, assignee, at), logId));
            }
            assignee = newAssignee;
        }
    }

    /** A known status moving forward; final statuses never change again. */
    static boolean advances(int current, Integer next) {
        if (next == null || next < 0 || next > 3 || next <= current) {
            return false;
        }
        return !TaskStatus.of(current).isFinal();
    }

    private OffsetDateTime when(String incsTimestamp) {
        OffsetDateTime parsed = time.parse(incsTimestamp);
        return parsed != null ? parsed : OffsetDateTime.now(clock.withZone(time.zone()));
    }
}
