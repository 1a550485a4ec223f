package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.mapping.CollectionEvent;
import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.ParsedRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes collection events (raw bytes, parsed here so that bad input can be dead-lettered with a reason).
 * <p>
 * Flow control: SmallRye calls this method for one record at a time and asks for the next one only when
 * the returned Uni completes. The Uni completes when the event is <em>admitted</em> to the
 * {@link KeyedWorkQueue} (not when it is done), so up to {@code max-pending} events are worked on at once,
 * concurrently across cases and in order within a case. Each record is acknowledged by its own unit of work
 * once its outcome is stored in PostgreSQL; the throttled commit strategy then commits an offset only when
 * every record before it is acknowledged, so a crash replays whatever had no stored outcome, and the stored
 * request makes that replay harmless. Unreadable records are nacked to the dead-letter topic.
 */
@ApplicationScoped
public class CollectionEventConsumer {

    public static final String CHANNEL = "collection-task-requests";
    /** Header naming the reason code of a dead-lettered record, beside SmallRye's dead-letter-reason. */
    public static final String REASON_HEADER = "bridge-dead-letter-code";

    private static final Logger LOG = Logger.getLogger(CollectionEventConsumer.class);

    private final EventParser parser;
    private final KeyedWorkQueue queue;
    private final RequestIntake intake;
    private final RequestSubmitter submitter;
    private final IngestMetrics metrics;

    public CollectionEventConsumer(EventParser parser, KeyedWorkQueue queue, RequestIntake intake,
                                   RequestSubmitter submitter, IngestMetrics metrics) {
        this.parser = parser;
        this.queue = queue;
        this.intake = intake;
        this.submitter = submitter;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        ParsedRecord parsed = parser.parse(message.getPayload());
        if (parsed instanceof ParsedRecord.Requested requested) {
            metrics.consumed(EventParser.REQUESTED);
            CollectionEvent event = requested.event();
            return queue.submit(event.caseId(), event.eventId(), () -> process(event, message));
        }
        if (parsed instanceof ParsedRecord.OtherType other) {
            metrics.consumed(other.eventType());
            LOG.debugf("skipping event %s of type %s", other.eventId(), other.eventType());
            return Uni.createFrom().completionStage(message::ack);
        }
        ParsedRecord.Malformed malformed = (ParsedRecord.Malformed) parsed;
        metrics.malformed(malformed.code());
        LOG.warnf("dead-lettering an unreadable record: %s", malformed.detail());
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, malformed.code().headerValue().getBytes(StandardCharsets.UTF_8));
        Metadata extra = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
        return Uni.createFrom().completionStage(
                () -> message.nack(new MalformedEventException(malformed.code(), malformed.detail()), extra));
    }

    /**
     * Stores the request (retrying while the database is unreachable: the record stays unacknowledged),
     * submits it if it is first in line, then acknowledges. A failure after the request is stored is left to
     * the retry scheduler, which takes over the stored request once this replica's claim on it expires.
     */
    private Uni<Void> process(CollectionEvent event, Message<byte[]> message) {
        return intake.accept(event)
                .onFailure().invoke(failure -> LOG.warnf("cannot store event %s yet: %s", event.eventId(),
                        failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .invoke(decision -> {
                    if (decision != IntakeDecision.SUBMIT) {
                        metrics.outcome(outcomeOf(decision));
                    }
                })
                .chain(decision -> decision == IntakeDecision.SUBMIT
                        ? submitter.submit(event.eventId()).onFailure().recoverWithItem(failure -> {
                            LOG.warnf(failure, "submitting %s failed; the retry scheduler takes over", event.eventId());
                            return null;
                        })
                        : Uni.createFrom().voidItem())
                .chain(() -> Uni.createFrom().completionStage(message::ack));
    }

    private static Outcome outcomeOf(IntakeDecision decision) {
        return switch (decision) {
            case DUPLICATE -> Outcome.DUPLICATE;
            case REJECTED -> Outcome.REJECTED;
            case QUEUED_BEHIND_CASE -> Outcome.QUEUED;
            case QUEUED_BEHIND_PHONE -> Outcome.DEFERRED;
            case SUBMIT -> throw new IllegalArgumentException("a submitted request has no outcome yet");
        };
    }
}
