package com.lendingops.taskbridge.deadletter;

import com.lendingops.taskbridge.config.ApiConfig;
import com.lendingops.taskbridge.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the dead letters are and how to reach them: short-lived Kafka clients on the application's own
 * connection settings ({@code kafka.*}). A consumer here never joins a group and never commits, so listing
 * cannot move anybody's position.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private final String bootstrapServers;
    private final IngestConfig ingest;
    private final ApiConfig api;

    public DeadLetterTopic(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           IngestConfig ingest, ApiConfig api) {
        this.bootstrapServers = bootstrapServers;
        this.ingest = ingest;
        this.api = api;
    }

    public String name() {
        return ingest.deadLetterTopic();
    }

    public String inputTopic() {
        return ingest.topic();
    }

    public ApiConfig settings() {
        return api;
    }

    /** A consumer without group: use {@code assign} and {@code seek}, close after one read. */
    public KafkaConsumer<byte[], byte[]> newReader() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, "bridge-dead-letter-reader",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis()),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis())));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent producer for replays to the input topic. */
    public KafkaProducer<byte[], byte[]> newWriter() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bridge-dead-letter-replay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis()),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis()),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis() / 2),
                ProducerConfig.LINGER_MS_CONFIG, "0"));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
