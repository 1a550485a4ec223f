package com.lendingops.taskbridge.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.events.TaskEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events to the outbox on a reactive SQL connection inside the caller's transaction, in list order
 * (one batch statement): the sync records a whole page of changes this way. A duplicate ce_id is ignored,
 * like {@link OutboxWriter#append}.
 */
@ApplicationScoped
public class OutboxRows {

    private static final String INSERT = """
            insert into outbox_event (ce_id, ce_type, ce_subject, ce_time, record_key, payload, created_at)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict (ce_id) do nothing""";

    private final ObjectMapper mapper;

    public OutboxRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> appendAll(SqlConnection connection, List<TaskEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(events.size());
        for (TaskEvent event : events) {
            rows.add(Tuple.tuple().addString(event.id()).addString(event.type().ceType()).addString(event.subject())
                    .addOffsetDateTime(event.time()).addString(event.caseId()).addString(toJson(event.data()))
                    .addOffsetDateTime(now));
        }
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable: " + data.getClass().getName(), e);
        }
    }
}
