package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.incs.IncsTaskView;
import java.util.Objects;
import java.util.Set;

/** A tracked task as stored at the start of a cycle: enough to tell whether incs' view changes anything. */
public record TrackedTask(long taskId, int status, String assignee, String conversationId, int missingCycles,
                          Set<Long> logIds) {

    /** True when the view carries a new log, status, assignee or conversation, or the task was missed before. */
    public boolean changedBy(IncsTaskView view) {
        boolean newLog = view.logsOrEmpty().stream().anyMatch(log -> log.id() != null && !logIds.contains(log.id()));
        boolean newStatus = view.status() != null && view.status() != status;
        boolean newAssignee = view.assigneeUsername() != null && !Objects.equals(view.assigneeUsername(), assignee);
        boolean newConversation = conversationId == null && view.conversationId() != null;
        return newLog || newStatus || newAssignee || newConversation || missingCycles > 0;
    }
}
