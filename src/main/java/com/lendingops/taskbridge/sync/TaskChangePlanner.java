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
 *
 * <p>A task the sync has never recorded (adopted after a lost answer, or created and changed before the
 * first cycle) is replayed from status 0 and its initial assignee, so every change incs logged after the
 * creation is published, not just {@code created}. When the view alone shows both a new assignee and a new
 * status, incs does not say which came first: the reassignment is published first (a final status ends the
 * task, after which incs does not reassign), and each event carries the values as of its own change.
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
        return new TaskChanges(newLogs, List.copyOf(replay.events), replay.status, replay.assignee,
                replay.changeSeq);
    }

    /** The task's state while its new logs are applied one by one. */
    private final class Replay {
        private final KnownTask known;
        private final List<TaskEvent> events = new ArrayList<>();
        private int status;
        private String assignee;
        private int changeSeq;

        Replay(KnownTask known) {
            this.known = known;
            this.status = known.replayStatus();
            this.assignee = known.replayAssignee();
            this.changeSeq = known.changeSeq();
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
            String viewAssignee = view.assigneeUsername();
            if (viewAssignee != null && !viewAssignee.isBlank() && !viewAssignee.equals(assignee)) {
                if (assignee == null) {
                    assignee = viewAssignee; // learning the initial assignment is not a reassignment
                } else {
                    changeSeq++;
                    events.add(TaskEvent.assignedWithoutLog(new TaskAssigned(known.eventId(), known.caseId(),
                            known.taskId(), viewAssignee, assignee, at), changeSeq));
                    assignee = viewAssignee;
                }
            }
            changeStatus(view.status(), null, at);
        }

        private void changeStatus(Integer newStatus, Long logId, OffsetDateTime at) {
            if (!advances(status, newStatus)) {
                return;
            }
            TaskStatusChanged data = new TaskStatusChanged(known.eventId(), known.caseId(), known.taskId(),
                    status, newStatus, TaskStatus.of(newStatus).publishedName(), at, assignee);
            if (logId != null) {
                events.add(TaskEvent.statusChanged(data, logId));
            } else {
                changeSeq++;
                events.add(TaskEvent.statusChangedWithoutLog(data, changeSeq));
            }
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
