package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a burst of events as fast as the broker takes them (asynchronous sends, small batches) and waits
 * for every acknowledgement, so the bridge sees a backlog rather than a trickle and its own speed is measured.
 */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    EventPublisher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-throughput-benchmark");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends every event to {@code topic} and returns once the broker acknowledged all of them. */
    void publish(String topic, List<BenchEvents.BenchEvent> events) {
        List<Future<RecordMetadata>> sends = events.stream()
                .map(e -> producer.send(new ProducerRecord<>(topic, e.key(), e.json())))
                .toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
