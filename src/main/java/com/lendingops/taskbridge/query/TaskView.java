package com.lendingops.taskbridge.query;

import com.lendingops.taskbridge.task.TaskStatus;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** A task of ours as last seen in incs (status as code and published name). */
public record TaskView(long taskId, String eventId, String caseId, Long creationId, String conversationId,
                       String userPhone, String name, String assignee, int status, String statusName,
                       boolean tracking, OffsetDateTime incsCreatedAt, OffsetDateTime incsUpdatedAt,
                       OffsetDateTime lastSeenAt, OffsetDateTime createdAt) {

    static final String COLUMNS = "task_id, event_id, case_id, creation_id, conversation_id, user_phone, name,"
            + " assignee, status, tracking, incs_created_at, incs_updated_at, last_seen_at, created_at";

    static TaskView of(Row row) {
        int status = row.getShort("status");
        return new TaskView(row.getLong("task_id"), row.getString("event_id"), row.getString("case_id"),
                row.getLong("creation_id"), row.getString("conversation_id"), row.getString("user_phone"),
                row.getString("name"), row.getString("assignee"), status, statusName(status),
                row.getBoolean("tracking"), row.getOffsetDateTime("incs_created_at"),
                row.getOffsetDateTime("incs_updated_at"), row.getOffsetDateTime("last_seen_at"),
                row.getOffsetDateTime("created_at"));
    }

    public static String statusName(Integer status) {
        if (status == null) {
            return null;
        }
        try {
            return TaskStatus.of(status).publishedName();
        } catch (IllegalArgumentException unknown) {
            return "unknown";
        }
    }

    public TaskView withPhone(String phone) {
        return new TaskView(taskId, eventId, caseId, creationId, conversationId, phone, name, assignee, status,
                statusName, tracking, incsCreatedAt, incsUpdatedAt, lastSeenAt, createdAt);
    }

    Cursor position() {
        return new Cursor(createdAt, String.valueOf(taskId));
    }
}
