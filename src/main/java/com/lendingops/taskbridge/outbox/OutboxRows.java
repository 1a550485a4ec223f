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
            insert into outbox_event (ce_id, ce_type, ce_subject, ce_time, record_key, payload, created_at, traceparent,
                origin_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (ce_id) do nothing
            """;

    private final ObjectMapper mapper;

    public OutboxRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Must run on a connection inside a transaction; events with no trace and no consume time. */
    public Uni<Void> append(SqlConnection connection, List<TaskEvent> events, OffsetDateTime now) {
        return append(connection, events, now, EventOrigin.NONE);
    }

    /** Must run on a connection inside a transaction; every row gets the origin's trace and origin instant. */
    public Uni<Void> append(SqlConnection connection, List<TaskEvent> events, OffsetDateTime now,
                            EventOrigin origin) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        for (TaskEvent event : events) {
            rows.add(Tuple.tuple().addValue(event.id()).addValue(event.type().ceType()).addValue(event.subject())
                    .addValue(event.time()).addValue(event.caseId()).addValue(toJson(event.data())).addValue(now)
                    .addValue(origin.traceparent()).addValue(originAt(event, origin)));
        }
        return rows.size() == 1 ? connection.preparedQuery(INSERT).execute(rows.get(0)).replaceWithVoid()
                : connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    /**
     * When the story an event tells began, for the freshness histograms: the consume time of the collection event
     * for events about a request, the incs time of the change (the event's time) for task changes, none for a task
     * declared missing (incs did nothing).
     */
    static OffsetDateTime originAt(TaskEvent event, EventOrigin origin) {
        return switch (event.type()) {
            case CREATED, DEFERRED, REJECTED, FAILED -> origin.consumedAt();
            case STATUS_CHANGED, ASSIGNED, REMARKED -> event.time();
            case MISSING -> null;
        };
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable: " + data.getClass().getName(), e);
        }
    }
}
