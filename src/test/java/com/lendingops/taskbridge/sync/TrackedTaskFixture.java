package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.events.TaskCreated;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records a simulator task as ingest would after a successful POST: the request, the tracked task
 * and the {@code created} outbox event, in one transaction.
 */
@ApplicationScoped
public class TrackedTaskFixture {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final OutboxWriter outbox;

    public TrackedTaskFixture(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Tracks the task under a new case id and returns that case id (the record key of its events). */
    public String track(SimTask task) {
        String caseId = "CASE-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime createdAt = task.createdAt().atZone(JAKARTA).toOffsetDateTime();
        TaskRequest request = request(task, caseId, eventId, now);
        IncsTask row = taskRow(task, caseId, eventId, now, createdAt);
        TaskEvent created = TaskEvent.created(new TaskCreated(eventId, caseId, task.id(), task.creationId(),
                String.valueOf(task.conversationId()), task.authId(), task.assigneeUsername(), task.status(),
                createdAt), createdAt);
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> request.persist()
                    .chain(() -> row.persist())
                    .chain(() -> outbox.append(created))));
        } catch (Throwable e) {
            throw new IllegalStateException("could not track task " + task.id(), e);
        }
        return caseId;
    }

    private static TaskRequest request(SimTask task, String caseId, String eventId, OffsetDateTime now) {
        TaskRequest request = new TaskRequest();
        request.eventId = eventId;
        request.caseId = caseId;
        request.eventType = "collection.task.requested";
        request.userPhone = task.userPhone();
        request.assignee = task.assigneeUsername();
        request.state = RequestState.CREATED;
        request.attempts = 1;
        request.submittedAt = now;
        request.taskId = task.id();
        request.receivedAt = now;
        request.updatedAt = now;
        return request;
    }

    private static IncsTask taskRow(SimTask task, String caseId, String eventId, OffsetDateTime now,
                                    OffsetDateTime createdAt) {
        IncsTask row = new IncsTask();
        row.taskId = task.id();
        row.eventId = eventId;
        row.caseId = caseId;
        row.creationId = task.creationId();
        row.authId = task.authId();
        row.userPhone = task.userPhone();
        row.name = task.name();
        row.assignee = task.assigneeUsername();
        row.status = (short) task.status();
        row.tracking = true;
        row.incsCreatedAt = createdAt;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }
}
