package com.lendingops.taskbridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.events.TaskDeferred;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskNotCreated;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.mapping.CollectionEvent;
import com.lendingops.taskbridge.mapping.MappingResult;
import com.lendingops.taskbridge.mapping.TaskCommandMapper;
import com.lendingops.taskbridge.outbox.OutboxWriter;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * First step for a consumed event, in one transaction: deduplicate by event_id, map and validate, store the
 * request, and decide whether it may be submitted now or must wait its turn (per case, per phone). A new
 * request is stored claimed by this replica (next_attempt_at in the future) so the retry scheduler leaves it
 * alone while it is being submitted, and takes it over if this replica dies.
 */
@ApplicationScoped
public class RequestIntake {

    static final String QUEUED_REASON = "queued_behind_deferred_request";

    private final TaskCommandMapper mapper;
    private final AssigneeResolver assignees;
    private final OutboxWriter outbox;
    private final ObjectMapper json;
    private final IngestConfig config;

    public RequestIntake(TaskCommandMapper mapper, AssigneeResolver assignees, OutboxWriter outbox, ObjectMapper json,
                         IngestConfig config) {
        this.mapper = mapper;
        this.assignees = assignees;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    public Uni<IntakeDecision> accept(CollectionEvent event) {
        return Panache.withTransaction(() -> TaskRequest.<TaskRequest>findById(event.eventId())
                        .chain(existing -> existing != null ? Uni.createFrom().item(IntakeDecision.DUPLICATE)
                                : admit(event)))
                .onFailure(DatabaseErrors::isUniqueViolation).recoverWithItem(IntakeDecision.DUPLICATE);
    }

    private Uni<IntakeDecision> admit(CollectionEvent event) {
        Optional<String> phone = mapper.phoneOf(event);
        return assignees.resolve(event, phone).chain(assignee -> {
            MappingResult result = mapper.map(event, assignee.orElse(null));
            if (result instanceof MappingResult.Invalid invalid) {
                return reject(event, phone.orElse(null), assignee.orElse(null), invalid);
            }
            CreateTaskCommand command = ((MappingResult.Mapped) result).command();
            return store(event, command).chain(this::placeInLine);
        });
    }

    private Uni<IntakeDecision> reject(CollectionEvent event, String phone, String assignee,
                                       MappingResult.Invalid invalid) {
        OffsetDateTime now = now();
        TaskRequest request = newRequest(event, phone, assignee, now);
        request.state = RequestState.REJECTED;
        request.lastError = invalid.details();
        return request.persist()
                .chain(() -> outbox.append(TaskEvent.rejected(new TaskNotCreated(event.eventId(), event.caseId(),
                        invalid.reason().code(), invalid.details()), now)))
                .replaceWith(IntakeDecision.REJECTED);
    }

    private Uni<TaskRequest> store(CollectionEvent event, CreateTaskCommand command) {
        OffsetDateTime now = now();
        TaskRequest request = newRequest(event, command.userPhone(), command.assigneeUsername(), now);
        request.state = RequestState.RECEIVED;
        request.requestBody = toJson(command);
        request.nextAttemptAt = now.plus(config.retry().claimDuration());
        return request.<TaskRequest>persist().call(() -> Panache.getSession().chain(s -> s.flush()));
    }

    private Uni<IntakeDecision> placeInLine(TaskRequest request) {
        return TaskRequest.count("caseId = ?1 and eventId <> ?2 and state in ?3", request.caseId, request.eventId,
                        List.of(RequestState.RECEIVED, RequestState.SUBMITTING))
                .chain(earlierOfCase -> {
                    if (earlierOfCase > 0) {
                        request.nextAttemptAt = now();
                        return Uni.createFrom().item(IntakeDecision.QUEUED_BEHIND_CASE);
                    }
                    return TaskRequest.count("userPhone = ?1 and eventId <> ?2 and state = ?3", request.userPhone,
                                    request.eventId, RequestState.DEFERRED)
                            .chain(deferred -> deferred > 0 ? queueBehindPhone(request)
                                    : Uni.createFrom().item(IntakeDecision.SUBMIT));
                });
    }

    /**
     * Deferred behind the phone's earlier requests: the scheduler submits it once it is the phone's oldest and
     * the phone has no open task of ours (or at the safety recheck, in case a task's end went unnoticed).
     */
    private Uni<IntakeDecision> queueBehindPhone(TaskRequest request) {
        OffsetDateTime now = now();
        request.state = RequestState.DEFERRED;
        request.deferredSince = now;
        request.awaitsOwnTask = true;
        request.nextAttemptAt = now.plus(config.defer().ownTaskRecheck());
        return outbox.append(TaskEvent.deferred(new TaskDeferred(request.eventId, request.caseId, QUEUED_REASON, null,
                        null), 0, now))
                .replaceWith(IntakeDecision.QUEUED_BEHIND_PHONE);
    }

    private static TaskRequest newRequest(CollectionEvent event, String phone, String assignee, OffsetDateTime now) {
        TaskRequest request = new TaskRequest();
        request.eventId = event.eventId();
        request.caseId = event.caseId();
        request.eventType = event.eventType();
        request.userPhone = phone;
        request.assignee = assignee != null && assignee.length() <= TaskCommandMapper.MAX_ASSIGNEE_LENGTH
                ? assignee : null;
        request.receivedAt = now;
        request.updatedAt = now;
        return request;
    }

    private String toJson(CreateTaskCommand command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("create command not serialisable", e);
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
