package com.lendingops.taskbridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.mapping.CollectionEvent;
import com.lendingops.taskbridge.mapping.MappingResult;
import com.lendingops.taskbridge.mapping.TaskCommandMapper;
import com.lendingops.taskbridge.outbox.EventOrigin;
import com.lendingops.taskbridge.task.RequestState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * First step for a consumed event, in one transaction: map and validate, read the request's neighbours, let the
 * lifecycle place it (submit now, queue behind its case or its phone, or reject), and store it with the events that
 * causes; a known event_id is a duplicate. A request to submit now is stored already claimed by this replica with its
 * first attempt started, so the hot path needs no other transaction before the POST.
 */
@ApplicationScoped
public class RequestIntake {

    /** What intake stored: the row after its first transition and the request to send, or nothing (duplicate). */
    public record Stored(RequestLifecycle.Change change, CreateTaskCommand command) {

        boolean duplicate() {
            return change == null;
        }
    }

    private final TaskCommandMapper mapper;
    private final AssigneeResolver assignees;
    private final RequestLifecycle lifecycle;
    private final RequestStore store;
    private final ReplicaId replica;
    private final ObjectMapper json;

    public RequestIntake(TaskCommandMapper mapper, AssigneeResolver assignees, RequestLifecycle lifecycle,
                         RequestStore store, ReplicaId replica, ObjectMapper json) {
        this.mapper = mapper;
        this.assignees = assignees;
        this.lifecycle = lifecycle;
        this.store = store;
        this.replica = replica;
        this.json = json;
    }

    /** Stores the event as a request; {@code origin} is its trace and consume time, kept with it for its events. */
    public Uni<Stored> accept(CollectionEvent event, EventOrigin origin) {
        return store.transaction(c -> admit(c, event, origin));
    }

    private Uni<Stored> admit(SqlConnection c, CollectionEvent event, EventOrigin origin) {
        Optional<String> phone = mapper.phoneOf(event);
        return assignees.resolve(c, event, phone).chain(assignee -> {
            MappingResult result = mapper.map(event, assignee.orElse(null));
            RequestRow fresh = fresh(event, phone.orElse(null));
            String storedAssignee = assignee.filter(a -> a.length() <= TaskCommandMapper.MAX_ASSIGNEE_LENGTH)
                    .orElse(null);
            if (result instanceof MappingResult.Invalid invalid) {
                RequestLifecycle.Change change = lifecycle.rejectAtIntake(fresh, invalid.reason().code(),
                        invalid.details());
                return save(c, event, change, storedAssignee, null, null, origin);
            }
            CreateTaskCommand command = ((MappingResult.Mapped) result).command();
            return store.intakeFacts(c, event.caseId(), command.userPhone())
                    .map(facts -> lifecycle.admit(fresh(event, command.userPhone()), facts))
                    .chain(change -> save(c, event, change, command.assigneeUsername(), toJson(command), command,
                            origin));
        });
    }

    private Uni<Stored> save(SqlConnection c, CollectionEvent event, RequestLifecycle.Change change, String assignee,
                             String body, CreateTaskCommand command, EventOrigin origin) {
        return store.insert(c, change, event.eventType(), assignee, body, replica.id(), origin)
                .map(inserted -> inserted ? new Stored(change, command) : new Stored(null, null));
    }

    private static RequestRow fresh(CollectionEvent event, String phone) {
        return new RequestRow(event.eventId(), event.caseId(), phone, 0, RequestState.RECEIVED, 0, 0, 0, null, null,
                null, null, null, null, false, null, null, false);
    }

    private String toJson(CreateTaskCommand command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("create command not serialisable", e);
        }
    }
}
