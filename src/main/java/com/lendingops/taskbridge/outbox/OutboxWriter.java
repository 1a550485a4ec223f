package com.lendingops.taskbridge.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.events.TaskEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends events to the outbox inside the caller's current Hibernate Reactive transaction, so an
 * event exists if and only if the state change that caused it was committed.
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper mapper;
    private final Clock clock;

    public OutboxWriter(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Must be called within {@code Panache.withTransaction}; a duplicate ce_id is ignored. */
    public Uni<Void> append(TaskEvent event) {
        return OutboxEvent.count("ceId", event.id())
                .chain(existing -> existing > 0 ? Uni.createFrom().voidItem() : persist(event));
    }

    private Uni<Void> persist(TaskEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.ceId = event.id();
        row.ceType = event.type().ceType();
        row.ceSubject = event.subject();
        row.ceTime = event.time();
        row.recordKey = event.caseId();
        row.payload = toJson(event.data());
        row.createdAt = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        return row.persist().replaceWithVoid();
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable: " + data.getClass().getName(), e);
        }
    }
}
