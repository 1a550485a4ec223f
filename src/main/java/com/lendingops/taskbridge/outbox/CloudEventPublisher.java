package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.config.OutboxConfig;
import com.lendingops.taskbridge.tracing.TraceParents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends one outbox row as a binary-mode CloudEvent on the {@code task-events} channel. The returned
 * Uni completes only when the broker acknowledged the record (acks=all) and fails when it was nacked.
 * <p>
 * A row with a stored trace context continues that trace: it is the CloudEvents distributed-tracing extension
 * ({@code ce_traceparent}) and the parent of SmallRye's producer span, whose context the connector writes as the
 * record's W3C {@code traceparent} header ({@link TracingMetadata}; the connector's tracing is not duplicated here).
 */
@ApplicationScoped
public class CloudEventPublisher implements OutboxSender {

    public static final String CHANNEL = "task-events";
    static final String CONTENT_TYPE = "application/json";

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final URI source;

    public CloudEventPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                               MutinyEmitter<String> emitter, OutboxConfig config) {
        this.emitter = emitter;
        this.config = config;
        this.source = URI.create(config.source());
    }

    @Override
    public Uni<Void> send(PendingEvent event) {
        OutgoingCloudEventMetadataBuilder<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withSpecVersion("1.0")
                .withId(event.ceId())
                .withSource(source)
                .withType(event.ceType())
                .withTimestamp(event.ceTime().toZonedDateTime())
                .withDataContentType(CONTENT_TYPE);
        if (event.ceSubject() != null) {
            cloudEvent.withSubject(event.ceSubject());
        }
        boolean traced = TraceParents.isValid(event.traceparent());
        if (traced) {
            cloudEvent.withExtension(TraceParents.TRACEPARENT, event.traceparent());
        }
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.recordKey())
                .withTopic(config.topic())
                .build();
        Metadata metadata = Metadata.of(cloudEvent.build(), record);
        if (traced) {
            metadata = metadata.with(TracingMetadata.withCurrent(TraceParents.parent(event.traceparent())));
        }
        return emitter.sendMessage(Message.of(event.payload(), metadata));
    }
}
