package com.lendingops.taskbridge.deadletter;

import com.lendingops.taskbridge.config.ApiConfig;
import com.lendingops.taskbridge.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import io.smallrye.common.annotation.Identifier;

/**
 * Where the dead letters are and how to reach them: short-lived Kafka clients on the application's own
 * connection settings, the global {@code kafka.*} ones every channel inherits (bootstrap servers, and the
 * security protocol, SASL and TLS settings of docs/operations.md "Kafka security"), so they authenticate like the
 * consumer and producers. A consumer here never joins a group and never commits, so listing cannot move
 * anybody's position.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private final Map<String, Object> connection;
    private final IngestConfig ingest;
    private final ApiConfig api;

    public DeadLetterTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig ingest,
                           ApiConfig api) {
        this.connection = connectionSettings(kafka);
        this.ingest = ingest;
        this.api = api;
    }

    /**
     * Where and how to connect, from the global Kafka settings: the servers and every security setting, but not
     * what belongs to the channels (group id, serializers, offsets), and nothing left empty.
     */
    static Map<String, Object> connectionSettings(Map<String, Object> kafka) {
        Map<String, Object> settings = new TreeMap<>();
        kafka.forEach((key, value) -> {
            boolean connection = key.equals("bootstrap.servers") || key.equals("security.protocol")
                    || key.startsWith("sasl.") || key.startsWith("ssl.");
            if (connection && value != null && !value.toString().isBlank()) {
                settings.put(key, value);
            }
        });
        return settings;
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
        props.putAll(connection);
        props.putAll(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, "bridge-dead-letter-reader",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis()),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(api.deadLetterTimeout().toMillis())));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent producer for replays to the input topic. */
    public KafkaProducer<byte[], byte[]> newWriter() {
        Properties props = new Properties();
        props.putAll(connection);
        props.putAll(Map.of(
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
