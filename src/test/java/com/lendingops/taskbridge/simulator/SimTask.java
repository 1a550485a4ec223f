package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot of one simulated incs task. Immutable: every change stores a new snapshot, so a test can
 * hold one while the event loop moves on.
 *
 * @param conversationId the conversation the task is assigned to
 * @param taskModuleInfo the {@code task_module_info} object exactly as received, or {@code null}
 */
public record SimTask(long id, long creationId, Long conversationId, long authId, String name, String description,
                      int type, String userName, String userPhone, String assigneeUsername, int status,
                      Instant createdAt, Instant updatedAt, JsonNode taskModuleInfo, List<SimLog> logs) {

    /** Status 0: not started. */
    public static final int NOT_STARTED = 0;
    /** Status 1: in progress. */
    public static final int IN_PROGRESS = 1;
    /** Status 2: completed. */
    public static final int COMPLETED = 2;
    /** Status 3: terminated. */
    public static final int TERMINATED = 3;

    public SimTask {
        logs = List.copyOf(logs);
        taskModuleInfo = taskModuleInfo == null ? null : taskModuleInfo.deepCopy();
    }

    /** Whether incs treats the task as incomplete (status 0 or 1), blocking a new task for the phone. */
    public boolean isOpen() {
        return status == NOT_STARTED || status == IN_PROGRESS;
    }

    /** The last log, or {@code null} when there is none. */
    public SimLog lastLog() {
        return logs.isEmpty() ? null : logs.get(logs.size() - 1);
    }

    SimTask with(int newStatus, String newAssignee, SimLog newLog, Instant now) {
        List<SimLog> newLogs = new ArrayList<>(logs);
        if (newLog != null) {
            newLogs.add(newLog);
        }
        return new SimTask(id, creationId, conversationId, authId, name, description, type, userName, userPhone,
                newAssignee, newStatus, createdAt, now, taskModuleInfo, newLogs);
    }
}
