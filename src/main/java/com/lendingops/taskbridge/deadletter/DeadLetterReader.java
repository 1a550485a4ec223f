package com.lendingops.taskbridge.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads the dead-letter topic with a short-lived consumer (assign and seek, no group, no commit): the newest
 * records, at most {@code limit}, or one record by position. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class DeadLetterReader {

    private final DeadLetterTopic topic;

    public DeadLetterReader(DeadLetterTopic topic) {
        this.topic = topic;
    }

    /** The newest records first, at most {@code limit} (each partition's tail, merged by time). */
    public List<DeadLetter> newest(int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = topic.newReader()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            consumer.assign(partitions);
            Map<TopicPartition, Long> wanted = new HashMap<>();
            for (TopicPartition p : partitions) {
                long start = Math.max(begins.get(p), ends.get(p) - limit);
                consumer.seek(p, start);
                if (start < ends.get(p)) {
                    wanted.put(p, ends.get(p));
                }
            }
            List<ConsumerRecord<byte[], byte[]>> records = readUntil(consumer, wanted);
            return records.stream()
                    .sorted(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed()
                            .thenComparing(ConsumerRecord::offset, Comparator.reverseOrder()))
                    .limit(limit).map(this::toDeadLetter).toList();
        }
    }

    /** Records in the topic now (end minus beginning offsets of every partition). */
    public long count() {
        try (KafkaConsumer<byte[], byte[]> consumer = topic.newReader()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> ends.get(p) - begins.get(p)).sum();
        }
    }

    /** The record at this position, if it is (still) in the topic. */
    public Optional<ConsumerRecord<byte[], byte[]>> at(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = topic.newReader()) {
            TopicPartition p = new TopicPartition(topic.name(), partition);
            if (partitions(consumer).stream().noneMatch(p::equals)) {
                return Optional.empty();
            }
            long end = consumer.endOffsets(List.of(p)).get(p);
            long begin = consumer.beginningOffsets(List.of(p)).get(p);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(p));
            consumer.seek(p, offset);
            return readUntil(consumer, Map.of(p, offset + 1)).stream().filter(r -> r.offset() == offset).findFirst();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(topic.name(), topic.settings().deadLetterTimeout()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** Polls until every partition reached its end offset, or the configured timeout passed. */
    private List<ConsumerRecord<byte[], byte[]>> readUntil(KafkaConsumer<byte[], byte[]> consumer,
                                                           Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<TopicPartition, Long> remaining = new HashMap<>(ends);
        // a timeout, not a point in time: measured on the monotonic clock
        long deadline = System.nanoTime() + topic.settings().deadLetterTimeout().toNanos();
        while (!remaining.isEmpty() && System.nanoTime() - deadline < 0) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition p = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(p);
                if (end != null && record.offset() < end) {
                    records.add(record);
                }
            }
            remaining.keySet().removeIf(p -> consumer.position(p) >= remaining.get(p));
        }
        return records;
    }

    private DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        int max = topic.settings().deadLetterPreviewChars();
        boolean truncated = value.length() > max;
        return new DeadLetter(record.partition(), record.offset(),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                headers.get("dead-letter-reason"), headers.get("dead-letter-cause"),
                headers.get("bridge-dead-letter-code"), headers, truncated ? value.substring(0, max) : value,
                truncated);
    }
}
