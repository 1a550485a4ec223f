package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.DEAD_LETTER_TOPIC;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.TOPIC;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.testsupport.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records that cannot be read go to the dead-letter topic with their reason; the next good record is processed. */
@QuarkusTest
class MalformedRecordsTest {

    @Inject
    IncsClient client;

    @Inject
    MeterRegistry registry;

    @Test
    void deadLettersUnreadableRecordsWithTheirReasonAndCarriesOn() {
        cleanStart(client);
        String key = newId("bad");
        String goodEvent = newId("evt");
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            kafka.sendBytes(TOPIC, bytes(key), bytes("{not json"), Map.of());
            kafka.sendBytes(TOPIC, bytes(key), bytes("{\"event_id\":42,\"event_type\":\"collection.task.requested\","
                    + "\"case_id\":\"c\",\"customer\":{\"phone\":\"6281234567890\"}}"), Map.of());
            kafka.sendBytes(TOPIC, bytes(key), bytes("{\"event_type\":\"collection.task.requested\",\"case_id\":\"c\","
                    + "\"customer\":{\"phone\":\"6281234567890\"}}"), Map.of());
        }
        sendEvent(goodEvent, newId("case"), newPhone());

        awaitState(goodEvent, "created");
        List<ConsumerRecord<byte[], byte[]>> dead;
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            dead = kafka.awaitRawRecords(DEAD_LETTER_TOPIC, 3, r -> key.equals(text(r.key())), WAIT);
        }
        assertThat(dead).extracting(r -> header(r, CollectionEventConsumer.REASON_HEADER))
                .containsExactly("not-json", "wrong-type", "missing-field");
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("event_id is required");
        assertThat(dead).extracting(r -> header(r, "dead-letter-topic")).containsOnly(TOPIC);
        assertThat(text(dead.get(0).value())).isEqualTo("{not json");
    }

    @Test
    void rejectsValidJsonThatCannotBecomeATaskWithAnEventInsteadOfDeadLettering() {
        cleanStart(client);
        String badPhone = newId("evt");
        String longName = newId("evt");
        String caseId = newId("case");

        IngestTestSupport.send(caseId, IngestTestSupport.event(badPhone, caseId, "12"));
        IngestTestSupport.send(caseId, IngestTestSupport.event(longName, caseId, newPhone())
                .replace("\"case_id\"", "\"task\":{\"name\":\"" + "n".repeat(257) + "\"},\"case_id\""));

        awaitState(badPhone, "rejected");
        awaitState(longName, "rejected");
        Map<String, Long> reasons = IngestTestSupport.outboxPayloads(caseId, "collection.task.rejected").stream()
                .map(payload -> payload.replaceAll(".*\"reason\":\"([a-z_]+)\".*", "$1"))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(reasons).containsOnlyKeys("invalid_phone", "name_too_long");
    }

    @Test
    void skipsAndCountsEventsOfOtherTypes() {
        cleanStart(client);
        double before = IngestTestSupport.counter(registry, "bridge.ingest.events.consumed", "type", "other");
        String skipped = newId("evt");

        IngestTestSupport.send("case-x", "{\"event_id\":\"" + skipped + "\",\"event_type\":\"collection.case.closed\"}");

        await().atMost(WAIT).until(() ->
                IngestTestSupport.counter(registry, "bridge.ingest.events.consumed", "type", "other") > before);
        assertThat(IngestTestSupport.state(skipped)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
