package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.audit.OperatorAudit;
import com.lendingops.taskbridge.deadletter.DeadLetter;
import com.lendingops.taskbridge.deadletter.DeadLetterReader;
import com.lendingops.taskbridge.deadletter.DeadLetterReplayer;
import com.lendingops.taskbridge.deadletter.ReplayOutcome;
import com.lendingops.taskbridge.query.AuditTargets;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dead-letter topic: the newest records (bounded by {@code limit}) and their replay to the input topic.
 * Kafka clients block, so these run on worker threads.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
@Blocking
public class DeadLetterResource {

    /** @param results one per requested record, in request order */
    public record ReplayResponse(List<ReplayOutcome> results) {
    }

    private static final int MAX_REPLAY = 100;

    private final DeadLetterReader reader;
    private final DeadLetterReplayer replayer;
    private final OperatorAudit audit;
    private final Caller caller;

    public DeadLetterResource(DeadLetterReader reader, DeadLetterReplayer replayer, OperatorAudit audit,
                              Caller caller) {
        this.reader = reader;
        this.replayer = replayer;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The newest dead letters: reason headers, key, value preview, offset, time")
    public List<DeadLetter> list(@QueryParam("limit") String limit) {
        int max = Params.limit(limit);
        try {
            return reader.newest(max).stream().map(this::forCaller).toList();
        } catch (KafkaException e) {
            throw ApiException.unavailable("Kafka did not answer: " + e.getMessage());
        }
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay dead letters to the input topic, unchanged or corrected, with a provenance header")
    public ReplayResponse replay(ReplayRequest request) {
        List<DeadLetterReplayer.Item> items = items(request);
        List<ReplayOutcome> outcomes;
        try {
            outcomes = replayer.replay(items, caller.name());
        } catch (KafkaException e) {
            throw ApiException.unavailable("Kafka did not answer: " + e.getMessage());
        }
        for (ReplayOutcome outcome : outcomes) {
            audit.record(caller.name(), "replay", AuditTargets.deadLetter(outcome.partition(), outcome.offset()),
                    outcome.outcome().equals("replayed") ? "done" : outcome.outcome(),
                    outcome.corrected() ? "corrected value" : "unchanged")
                    .await().atMost(Duration.ofSeconds(10));
        }
        return new ReplayResponse(outcomes);
    }

    private static List<DeadLetterReplayer.Item> items(ReplayRequest request) {
        if (request == null || request.records() == null || request.records().isEmpty()) {
            throw ApiException.badParameter("records", "records must list at least one {partition, offset}");
        }
        if (request.records().size() > MAX_REPLAY) {
            throw ApiException.badParameter("records", "at most " + MAX_REPLAY + " records per replay");
        }
        List<DeadLetterReplayer.Item> items = new ArrayList<>();
        for (ReplayRequest.Item item : request.records()) {
            if (item == null || item.partition() == null || item.partition() < 0) {
                throw ApiException.badParameter("records.partition", "every record needs a partition ≥ 0");
            }
            if (item.offset() == null || item.offset() < 0) {
                throw ApiException.badParameter("records.offset", "every record needs an offset ≥ 0");
            }
            items.add(new DeadLetterReplayer.Item(item.partition(), item.offset(), Optional.ofNullable(item.value())));
        }
        return items;
    }

    private DeadLetter forCaller(DeadLetter letter) {
        return new DeadLetter(letter.partition(), letter.offset(), letter.timestamp(), letter.key(), letter.reason(),
                caller.text(letter.cause()), letter.code(), letter.headers(), caller.text(letter.valuePreview()),
                letter.valueTruncated());
    }
}
