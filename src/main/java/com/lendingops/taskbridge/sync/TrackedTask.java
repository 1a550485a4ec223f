package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.task.TaskStatus;
import java.util.Objects;

/**
 * A tracked task as stored at the start of a cycle: enough to tell whether incs' view changes anything,
 * without holding its log ids (the cycle keeps one of these per tracked task, 100,000 of them at scale):
 * the number of recorded logs and the highest recorded log id stand for the set; the recording transaction
 * compares the view with what the database holds.
 *
 * @param hasConversation whether a conversation id is recorded (a view bringing the first one changes the task)
 * @param synced   false until the sync first recorded the task (its first record replays all its logs)
 * @param logCount logs recorded for the task
 * @param maxLogId highest recorded incs log id, 0 when none
 */
public record TrackedTask(long taskId, int status, String assignee, boolean hasConversation, int missingCycles,
                          boolean synced, int logCount, long maxLogId) {

    /** Ended in incs but its tail (logs written just after the end) not read yet: always read once more. */
    public boolean tailPending() {
        return TaskStatus.of(status).isFinal();
    }

    /** True when the view carries a new log, status, assignee or conversation, or the task needs a record anyway. */
    public boolean changedBy(IncsTaskView view) {
        if (!synced || tailPending() || missingCycles > 0) {
            return true;
        }
        long viewLogs = view.logsOrEmpty().stream().filter(log -> log.id() != null).count();
        boolean newLog = viewLogs > logCount
                || view.logsOrEmpty().stream().anyMatch(log -> log.id() != null && log.id() > maxLogId);
        boolean newStatus = view.status() != null && view.status() != status;
        boolean newAssignee = !isBlank(view.assigneeUsername()) && !Objects.equals(view.assigneeUsername(), assignee);
        boolean newConversation = !hasConversation && !isBlank(view.conversationId());
        return newLog || newStatus || newAssignee || newConversation;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
