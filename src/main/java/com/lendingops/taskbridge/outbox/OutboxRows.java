package com.lendingops.taskbridge.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.events.TaskEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events to the outbox on a reactive SQL connection, inside the caller's transaction (the ingest hot path
 * does not use Hibernate): an event exists if and only if the state change that caused it was committed. The same
 * row as {@link OutboxWriter} writes; a duplicate ce_id is ignored.
 */
@ApplicationScoped
public class OutboxRows {

    static final String INSERT = """
            insert into outbox_event (ce_id, ce_type, ce_subject, ce_time, record_key, payload, created_at)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict (ce_id) do nothing
            """;

    private final ObjectMapper mapper;

    public OutboxRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Must run on a connection inside a transaction. */
    public Uni<Void> append(SqlConnection connection, List<TaskEvent> events, OffsetDateTime now) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        for (TaskEvent event : events) {
            rows.add(Tuple.tuple().addValue(event.id()).addValue(event.type().ceType()).addValue(event.subject())
                    .addValue(event.time()).addValue(event.caseId()).addValue(toJson(event.data())).addValue(now));
        }
        return rows.size() == 1 ? connection.preparedQuery(INSERT).execute(rows.get(0)).replaceWithVoid()
                : connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable: " + data.getClass().getName(), e);
        }
    }
}
