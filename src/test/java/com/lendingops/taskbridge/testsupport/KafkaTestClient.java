package com.lendingops.taskbridge.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Produces and reads records on a real broker for assertions: raw bytes with any key and headers (for malformed
 * input), and "wait until N matching records are on the topic", always reading from the beginning without a consumer
 * group, so a test never disturbs the application's offsets.
 */
public final class KafkaTestClient implements AutoCloseable {

    /** How long {@link #awaitRecords} waits unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Map<String, Object> connection;
    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A client with these connection settings: bootstrap servers plus, for a secured broker, SASL settings. */
    public KafkaTestClient(Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
        this.bootstrapServers = String.valueOf(connection.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        Properties props = new Properties();
        props.putAll(this.connection);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(SEND_TIMEOUT.toMillis()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(SEND_TIMEOUT.toMillis()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends a UTF-8 record (key may be null) and waits for the broker's acknowledgement. */
    public RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, Map.of());
    }

    /** Sends a UTF-8 record with string headers and waits for the broker's acknowledgement. */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        Map<String, byte[]> rawHeaders = new LinkedHashMap<>();
        headers.forEach((name, headerValue) -> rawHeaders.put(name, bytes(headerValue)));
        return sendBytes(topic, bytes(key), bytes(value), rawHeaders);
    }

    /** Sends exactly these bytes (any of them may be null, e.g. a tombstone or a key-less record). */
    public RecordMetadata sendBytes(String topic, byte[] key, byte[] value, Map<String, byte[]> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue));
        try {
            return producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Waits (up to {@link #DEFAULT_TIMEOUT}) until {@code count} records matching the predicate are on the topic. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, int count,
            Predicate<ConsumerRecord<String, String>> matching) {
        return awaitRecords(topic, count, matching, DEFAULT_TIMEOUT);
    }

    /**
     * Reads the topic from the beginning until at least {@code count} records match, and returns the matching
     * records (in partition order; across partitions in arrival order). Fails the test on timeout.
     */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, int count,
            Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        return awaitMatching(topic, count, matching, timeout, new StringDeserializer());
    }

    /** Like {@link #awaitRecords} but with the exact key and value bytes, for inputs that are not valid UTF-8. */
    public List<ConsumerRecord<byte[], byte[]>> awaitRawRecords(String topic, int count,
            Predicate<ConsumerRecord<byte[], byte[]>> matching, Duration timeout) {
        return awaitMatching(topic, count, matching, timeout, new ByteArrayDeserializer());
    }

    /** Everything on the topic right now (up to the end offsets at the time of the call). */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = newConsumer(new StringDeserializer())) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** How many partitions the topic has (0 when it does not exist). */
    public int partitionCount(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = newConsumer(new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic).size();
        }
    }

    /** Whether a broker answers at this client's bootstrap address within the timeout (false during an outage). */
    public boolean brokerAnswers(Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The last value of a header as UTF-8, or null when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /** All headers of a record as UTF-8 strings (the last value wins for repeated names). */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private <T> List<ConsumerRecord<T, T>> awaitMatching(String topic, int count,
            Predicate<ConsumerRecord<T, T>> matching, Duration timeout, Deserializer<T> deserializer) {
        List<ConsumerRecord<T, T>> matched = new ArrayList<>();
        try (KafkaConsumer<T, T> consumer = newConsumer(deserializer)) {
            List<TopicPartition> assigned = new ArrayList<>();
            await("%d matching records on %s".formatted(count, topic))
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    // KafkaConsumer must not be shared across threads; Awaitility polls on its own thread otherwise.
                    .pollInSameThread()
                    .until(() -> {
                        // The topic may appear (or grow partitions) only once the application first writes to it.
                        if (assigned.size() < consumer.partitionsFor(topic).size()) {
                            assigned.clear();
                            matched.clear();
                            assigned.addAll(assignFromBeginning(consumer, topic));
                        }
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                            if (matching.test(record)) {
                                matched.add(record);
                            }
                        });
                        return matched.size() >= count;
                    });
        }
        return matched;
    }

    private <T> KafkaConsumer<T, T> newConsumer(Deserializer<T> deserializer) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Never create a topic as a side effect of looking at it.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // What a downstream consumer sees: aborted transactional writes stay invisible.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, deserializer, deserializer);
    }

    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(UTF_8);
    }
}
