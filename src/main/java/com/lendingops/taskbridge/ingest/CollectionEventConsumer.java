package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.mapping.CollectionEvent;
import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.ParsedRecord;
import com.lendingops.taskbridge.outbox.EventOrigin;
import com.lendingops.taskbridge.tracing.Spans;
import com.lendingops.taskbridge.tracing.TraceParents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes collection events (raw bytes, parsed here so that bad input can be dead-lettered with a reason).
 * <p>
 * Flow control: SmallRye calls this method for one record at a time and asks for the next one only when the
 * returned Uni completes. The Uni completes when the event is <em>admitted</em> to the {@link KeyedWorkQueue} (not
 * when it is done), so up to the intake share of {@code max-pending} events are worked on at once, concurrently
 * across cases and in order within a case.
 * <p>
 * A record is acknowledged as soon as its request is durably stored: from then on the stored request, not the Kafka
 * record, carries the work (the claim and the retry scheduler see it through), so a long wait for a rate slot never
 * ages a record out. Storing is retried while the failure may go away (connection, serialization, timeout); a record
 * the database refuses for good (SQLSTATE class 22 such as U+0000 in a text column, a violated constraint) is
 * dead-lettered with the reason after {@code bridge.ingest.poison.max-tries}, so the partition moves on.
 * <p>
 * Tracing: each event's unit runs in an {@value #INTAKE_SPAN} span, a child of the receive span SmallRye's connector
 * made from the record's {@code traceparent} header (tracing-enabled, the default). The request stores that span's
 * traceparent and the consume instant, so its incs calls, retries and published events stay in the same trace.
 */
@ApplicationScoped
public class CollectionEventConsumer {

    public static final String CHANNEL = "collection-task-requests";
    /** Header naming the reason code of a dead-lettered record, beside SmallRye's dead-letter-reason. */
    public static final String REASON_HEADER = "bridge-dead-letter-code";
    /** Reason code of a record the database refuses to store. */
    public static final String UNSTORABLE = "unstorable";
    /** Name of the span of one event's intake (store, first submission). */
    public static final String INTAKE_SPAN = "collection-event intake";

    private static final Logger LOG = Logger.getLogger(CollectionEventConsumer.class);

    private final EventParser parser;
    private final KeyedWorkQueue queue;
    private final RequestIntake intake;
    private final RequestSubmitter submitter;
    private final IngestMetrics metrics;
    private final int poisonTries;
    private final Spans spans;
    private final Clock clock;

    public CollectionEventConsumer(EventParser parser, KeyedWorkQueue queue, RequestIntake intake,
                                   RequestSubmitter submitter, IngestMetrics metrics, IngestConfig config, Spans spans,
                                   Clock clock) {
        this.spans = spans;
        this.clock = clock;
        this.parser = parser;
        this.queue = queue;
        this.intake = intake;
        this.submitter = submitter;
        this.metrics = metrics;
        this.poisonTries = Math.max(1, config.poison().maxTries());
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        OffsetDateTime consumedAt = clock.instant().atOffset(ZoneOffset.UTC);
        ParsedRecord parsed = parser.parse(message.getPayload());
        if (parsed instanceof ParsedRecord.Requested requested) {
            metrics.consumed(EventParser.REQUESTED);
            CollectionEvent event = requested.event();
            Context received = TraceParents.ofMessage(message);
            Attributes ids = Attributes.of(AttributeKey.stringKey(Spans.EVENT_ID), event.eventId(),
                    AttributeKey.stringKey(Spans.CASE_ID), event.caseId());
            return queue.submit(event.caseId(), event.eventId(), () -> spans.inSpan(INTAKE_SPAN, received, ids,
                    intake -> process(event, message, new EventOrigin(TraceParents.of(intake), consumedAt))));
        }
        if (parsed instanceof ParsedRecord.OtherType other) {
            metrics.consumed(other.eventType());
            LOG.debugf("skipping event %s of type %s", other.eventId(), other.eventType());
            return Uni.createFrom().completionStage(message::ack);
        }
        ParsedRecord.Malformed malformed = (ParsedRecord.Malformed) parsed;
        metrics.malformed(malformed.code());
        LOG.warnf("dead-lettering an unreadable record: %s", malformed.detail());
        return deadLetter(message, malformed.code().headerValue(),
                new MalformedEventException(malformed.code(), malformed.detail()));
    }

    /** Store (the record is acknowledged then), and submit at once if the lifecycle says so. */
    private Uni<Void> process(CollectionEvent event, Message<byte[]> message, EventOrigin origin) {
        return store(event, origin)
                .chain(stored -> stored == null ? Uni.createFrom().voidItem()
                        : acknowledgeAndSubmit(stored, message, origin.consumedAt().toInstant()))
                .onFailure(DatabaseErrors::isPermanent).recoverWithUni(failure -> {
                    metrics.unstorable();
                    LOG.warnf("dead-lettering event %s: the database refuses it (SQLSTATE %s): %s",
                            printable(event.eventId()), DatabaseErrors.sqlState(failure), failure.getMessage());
                    return deadLetter(message, UNSTORABLE, new UnstorableEventException(
                            DatabaseErrors.sqlState(failure), failure.getMessage(), failure));
                });
    }

    private Uni<RequestIntake.Stored> store(CollectionEvent event, EventOrigin origin) {
        AtomicInteger refusals = new AtomicInteger();
        return Uni.createFrom().deferred(() -> intake.accept(event, origin))
                .onFailure().invoke(failure -> LOG.warnf("cannot store event %s yet: %s", printable(event.eventId()),
                        failure.toString()))
                .onFailure(failure -> !DatabaseErrors.isPermanent(failure) || refusals.incrementAndGet() < poisonTries)
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely();
    }

    private Uni<Void> acknowledgeAndSubmit(RequestIntake.Stored stored, Message<byte[]> message, Instant consumedAt) {
        Uni<Void> ack = Uni.createFrom().completionStage(message::ack);
        if (stored.duplicate()) {
            metrics.outcome(Outcome.DUPLICATE);
            return ack;
        }
        RequestLifecycle.Change change = stored.change();
        if (change.outcome() != Outcome.SUBMITTING) {
            metrics.outcome(change.outcome());
            return ack;
        }
        return ack.chain(() -> submitter.submit(new RequestSubmitter.Claimed(change.row(), stored.command(), true,
                        consumedAt))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "submitting %s failed; the retry scheduler takes over when its claim ends",
                            change.row().eventId());
                    return null;
                }));
    }

    private Uni<Void> deadLetter(Message<byte[]> message, String code, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, code.getBytes(StandardCharsets.UTF_8));
        Metadata extra = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
        return Uni.createFrom().completionStage(() -> message.nack(reason, extra));
    }

    /** Ids may hold control characters (that is why they could not be stored): log them escaped. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
