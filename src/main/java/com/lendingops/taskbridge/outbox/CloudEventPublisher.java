package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.config.OutboxConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
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
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.recordKey())
                .withTopic(config.topic())
                .build();
        return emitter.sendMessage(Message.of(event.payload(), Metadata.of(cloudEvent.build(), record)));
    }
}
