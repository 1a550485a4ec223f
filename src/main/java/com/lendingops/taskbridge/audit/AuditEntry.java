package com.lendingops.taskbridge.audit;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One audited operator action.
 *
 * @param id      increasing id (tie-breaker of the list order)
 * @param at      when the action was decided
 * @param actor   the token's user name
 * @param action  retry, cancel, resync or replay
 * @param target  what it was applied to, e.g. {@code request:<event_id>}
 * @param outcome done, not_found, conflict or failed
 * @param details free text (the reason, the new state, the replayed record)
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String target, String outcome,
                         String details) {

    static AuditEntry of(Row row) {
        return new AuditEntry(row.getLong("id"), row.getOffsetDateTime("at"), row.getString("actor"),
                row.getString("action"), row.getString("target"), row.getString("outcome"), row.getString("details"));
    }
}
