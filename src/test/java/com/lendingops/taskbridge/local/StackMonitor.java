package com.lendingops.taskbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Watches the stack from outside: offsets committed on the input, rows by state, events published, incs tasks. */
final class StackMonitor implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant startedAt = Instant.now();
    private final String inputTopic;
    private final String deadLetterTopic;
    private final TestPostgres postgres;
    private final IncsSimulator simulator;
    private final LongSupplier fed;
    private final Admin admin;
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Thread outputReader;
    private volatile boolean running = true;

    StackMonitor(String bootstrapServers, String inputTopic, String outputTopic, String deadLetterTopic,
                 TestPostgres postgres, IncsSimulator simulator, LongSupplier fed) {
        this.inputTopic = inputTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.postgres = postgres;
        this.simulator = simulator;
        this.fed = fed;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
        this.outputReader = new Thread(() -> readOutput(bootstrapServers, outputTopic), "local-stack-output-reader");
        outputReader.setDaemon(true);
        outputReader.start();
    }

    StackSnapshot snapshot() {
        Map<Integer, Long> incs = new TreeMap<>();
        for (int status = 0; status <= 3; status++) {
            incs.put(status, (long) simulator.taskCount(status));
        }
        return new StackSnapshot(Duration.between(startedAt, Instant.now()), fed.getAsLong(), consumed(),
                recordsOn(deadLetterTopic), requestsByState(), Map.copyOf(published), incs);
    }

    /** The furthest any consumer group has committed on the input topic: the bridge's, whatever its id. */
    private long consumed() {
        try {
            long best = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                best = Math.max(best, offsets.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(inputTopic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum());
            }
            return best;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Records ever written to a topic: the sum of its partitions' end offsets. */
    private long recordsOn(String topic) {
        try {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private Map<String, Long> requestsByState() {
        Map<String, Long> states = new TreeMap<>();
        try (Connection connection = postgres.openConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select state, count(*) from task_request group by state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            // the table appears when the bridge's Flyway migration has run
        }
        return states;
    }

    private void readOutput(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    published.merge(type(record), 1L, Long::sum);
                }
            }
        } catch (InterruptException | WakeupException e) {
            // closing
        }
    }

    /** CloudEvents binary mode puts the type in ce_type; structured mode in the JSON "type". */
    static String type(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        String type = header != null ? new String(header.value(), StandardCharsets.UTF_8) : null;
        if (type == null && record.value() != null) {
            try {
                JsonNode body = JSON.readTree(record.value());
                type = body.path("type").asText(body.path("event_type").asText("unknown"));
            } catch (IOException e) {
                type = "unreadable";
            }
        }
        if (type == null) {
            return "unknown";
        }
        return type.startsWith(StackSnapshot.TYPE_PREFIX) ? type.substring(StackSnapshot.TYPE_PREFIX.length()) : type;
    }

    @Override
    public void close() {
        running = false;
        try {
            outputReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
