package com.lendingops.taskbridge.query;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** A request as the API shows it: its state, attempts, last error, next attempt and the task it created. */
public record RequestView(String eventId, String caseId, String eventType, String state, String userPhone,
                          String assignee, int attempts, String lastError, OffsetDateTime nextAttemptAt,
                          OffsetDateTime deferredSince, Long taskId, OffsetDateTime receivedAt,
                          OffsetDateTime updatedAt) {

    static final String COLUMNS = "event_id, case_id, event_type, state, user_phone, assignee, attempts, last_error,"
            + " next_attempt_at, deferred_since, task_id, received_at, updated_at";

    static RequestView of(Row row) {
        return new RequestView(row.getString("event_id"), row.getString("case_id"), row.getString("event_type"),
                row.getString("state"), row.getString("user_phone"), row.getString("assignee"),
                row.getInteger("attempts"), row.getString("last_error"), row.getOffsetDateTime("next_attempt_at"),
                row.getOffsetDateTime("deferred_since"), row.getLong("task_id"), row.getOffsetDateTime("received_at"),
                row.getOffsetDateTime("updated_at"));
    }

    /** The same request with the phone shown differently (masked for viewers). */
    public RequestView withPhone(String phone) {
        return new RequestView(eventId, caseId, eventType, state, phone, assignee, attempts, lastError, nextAttemptAt,
                deferredSince, taskId, receivedAt, updatedAt);
    }

    Cursor position() {
        return new Cursor(receivedAt, eventId);
    }
}
