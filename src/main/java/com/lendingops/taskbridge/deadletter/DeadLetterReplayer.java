package com.lendingops.taskbridge.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Sends dead letters back to the input topic, unchanged or with a corrected value, with the same key (so the
 * case keeps its partition) and a {@value #REPLAYED_FROM} header naming the dead letter it came from. The
 * failure headers of the dead letter are dropped: they describe the old attempt. Replaying twice is harmless:
 * the bridge dedupes on {@code event_id}. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class DeadLetterReplayer {

    /** Header on a replayed record: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static final String REPLAYED_FROM = "bridge-replayed-from";
    /** Header on a replayed record: who replayed it. */
    public static final String REPLAYED_BY = "bridge-replayed-by";

    /** One record to replay; {@code correctedValue} replaces the value when present. */
    public record Item(int partition, long offset, Optional<String> correctedValue) {
    }

    private final DeadLetterReader reader;
    private final DeadLetterTopic topic;

    public DeadLetterReplayer(DeadLetterReader reader, DeadLetterTopic topic) {
        this.reader = reader;
        this.topic = topic;
    }

    public List<ReplayOutcome> replay(List<Item> items, String actor) {
        List<ReplayOutcome> outcomes = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = topic.newWriter()) {
            for (Item item : items) {
                outcomes.add(reader.at(item.partition(), item.offset())
                        .map(record -> send(producer, record, item, actor))
                        .orElseGet(() -> ReplayOutcome.notFound(item.partition(), item.offset())));
            }
        }
        return outcomes;
    }

    private ReplayOutcome send(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record,
                               Item item, String actor) {
        byte[] value = item.correctedValue().map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(record.value());
        ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(topic.inputTopic(), null, record.key(), value);
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().startsWith("bridge-dead-letter-")) {
                replay.headers().add(header);
            }
        }
        replay.headers().remove(REPLAYED_FROM).remove(REPLAYED_BY);
        replay.headers().add(REPLAYED_FROM, (topic.name() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        replay.headers().add(REPLAYED_BY, actor.getBytes(StandardCharsets.UTF_8));
        boolean corrected = item.correctedValue().isPresent();
        try {
            RecordMetadata sent = producer.send(replay).get(topic.settings().deadLetterTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            return new ReplayOutcome(item.partition(), item.offset(), "replayed", corrected, sent.partition(),
                    sent.offset(), null);
        } catch (ExecutionException | TimeoutException e) {
            return new ReplayOutcome(item.partition(), item.offset(), "failed", corrected, null, null,
                    String.valueOf(e.getCause() == null ? e : e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReplayOutcome(item.partition(), item.offset(), "failed", corrected, null, null, "interrupted");
        }
    }
}
