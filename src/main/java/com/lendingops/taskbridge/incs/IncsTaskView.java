package com.lendingops.taskbridge.incs;

import java.util.List;

/**
 * A task as incs returns it (create response or list item). Timestamps stay the raw
 * "yyyy-MM-dd HH:mm:ss" strings; {@link IncsTime} reads them in the configured zone.
 * {@code conversationId} may be absent (list responses, or assignment lagging creation).
 */
public record IncsTaskView(Long id, Long creationId, Long authId, String name, String description, Integer type,
                           String userName, String userPhone, String assigneeUsername, String conversationId,
                           Integer status, String createdAt, String updatedAt, List<Log> logs) {

    /** Logs in incs order; never null. */
    public List<Log> logsOrEmpty() {
        return logs == null ? List.of() : logs;
    }

    /** One task log: 1 created, 2 assigned, 3 status change, 4 remark. */
    public record Log(Long id, Integer type, Integer status, Integer preStatus, String assigneeUsername,
                      String comment, String createdAt, String updatedAt) {
    }
}
