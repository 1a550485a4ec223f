package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a task is created from: a validated POST body, or a test's seed (which may also set the
 * initial status and creation time, bypassing validation and the open-task check).
 *
 * @param status initial status; a seeded task with status 1–3 gets a type-3 log from 0
 * @param createdAt creation time, or {@code null} for "now"
 */
public record NewTask(String name, String description, int type, long authId, String userName, String userPhone,
                      String assigneeUsername, JsonNode taskModuleInfo, int status, Instant createdAt) {

    /** A seed with the documented example values for the given phone, status 0, created now. */
    public static NewTask forPhone(String userPhone) {
        return new NewTask("Seeded task", "", 3, 30058, "Seeded contact", userPhone, "incs_1", null,
                SimTask.NOT_STARTED, null);
    }

    public NewTask withName(String newName) {
        return new NewTask(newName, description, type, authId, userName, userPhone, assigneeUsername,
                taskModuleInfo, status, createdAt);
    }

    public NewTask withAssignee(String assignee) {
        return new NewTask(name, description, type, authId, userName, userPhone, assignee, taskModuleInfo,
                status, createdAt);
    }

    public NewTask withStatus(int initialStatus) {
        return new NewTask(name, description, type, authId, userName, userPhone, assigneeUsername,
                taskModuleInfo, initialStatus, createdAt);
    }

    public NewTask withCreatedAt(Instant at) {
        return new NewTask(name, description, type, authId, userName, userPhone, assigneeUsername,
                taskModuleInfo, status, at);
    }
}
