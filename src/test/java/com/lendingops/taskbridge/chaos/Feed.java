package com.lendingops.taskbridge.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a trial's records to the input topic, paced evenly over the feed window, and remembers where each
 * landed (partition and offset): the dead-letter topic names the original position of every record it receives,
 * which is how a dead letter is matched to the hostile record it came from.
 */
final class Feed implements AutoCloseable {

    /** Where one record landed. */
    record Position(int partition, long offset) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final ConcurrentHashMap<Position, Integer> indexByPosition = new ConcurrentHashMap<>();

    Feed(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1024 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "chaos-feed");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends every record, spread over {@code window}, and waits for every acknowledgement. */
    void publish(String topic, List<ChaosRecord> records, Duration window) throws InterruptedException {
        long start = System.nanoTime();
        long step = records.isEmpty() ? 0 : window.toNanos() / records.size();
        Future<?>[] sends = new Future<?>[records.size()];
        for (int i = 0; i < records.size(); i++) {
            long due = start + i * step;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                Thread.sleep(wait / 1_000_000);
            }
            ChaosRecord record = records.get(i);
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, record.key(), record.value());
            out.headers().add("chaos-index", Integer.toString(record.index()).getBytes(StandardCharsets.UTF_8));
            int index = record.index();
            sends[i] = producer.send(out, (RecordMetadata metadata, Exception e) -> {
                if (e == null) {
                    indexByPosition.put(new Position(metadata.partition(), metadata.offset()), index);
                }
            });
        }
        producer.flush();
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not publish to " + topic, e.getCause());
            }
        }
    }

    /** The index of the record published at {@code position}, or null. */
    Integer indexAt(Position position) {
        return indexByPosition.get(position);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
