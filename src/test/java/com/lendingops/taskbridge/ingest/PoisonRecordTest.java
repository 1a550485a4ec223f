package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.DEAD_LETTER_TOPIC;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.event;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.send;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record that can never be stored is dead-lettered with the reason, and the records behind it on the same partition
 * are processed; it does not stop the partition nor age the consumer into unhealthiness. U+0000 (which PostgreSQL
 * refuses in a text column, SQLSTATE 22021) is caught first by the parser; a value the database alone refuses is
 * dead-lettered by intake after a bounded number of tries.
 */
@QuarkusTest
class PoisonRecordTest {

    @Inject
    IncsClient client;

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "case_id", "assignee"})
    void aNulCharacterRecordIsDeadLetteredAndTheRecordsBehindItAreProcessed(String field) {
        cleanStart(client);
        String key = newId("case");
        String poisonId = newId("evt");
        String json = event(poisonId, key, newPhone());
        String poisoned = switch (field) {
            case "event_id" -> json.replace(poisonId, poisonId + "\\u0000");
            case "case_id" -> json.replace("\"case_id\":\"" + key, "\"case_id\":\"" + key + "\\u0000");
            default -> json.replace("\"case_id\"", "\"assignee\":\"incs\\u0000_1\",\"case_id\"");
        };
        String next = newId("evt");

        send(key, poisoned);
        send(key, event(next, key, newPhone()));

        awaitState(next, "created");
        List<ConsumerRecord<byte[], byte[]>> dead;
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            dead = kafka.awaitRawRecords(DEAD_LETTER_TOPIC, 1, r -> key.equals(text(r.key())), WAIT);
        }
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(header(record, CollectionEventConsumer.REASON_HEADER)).isEqualTo("invalid-character");
            assertThat(text(record.value())).isEqualTo(poisoned);
        });
    }

    @Test
    void aRecordTheDatabaseRefusesForGoodIsDeadLetteredAsUnstorableAndTheRecordsBehindItAreProcessed() {
        cleanStart(client);
        String key = newId("case");
        String refusedCase = key + "-refused";
        String constraint = "test_refuses_" + Math.abs(refusedCase.hashCode());
        update("alter table task_request add constraint " + constraint + " check (case_id <> '" + refusedCase
                + "') not valid");
        try {
            String refused = event(newId("evt"), refusedCase, newPhone());
            String next = newId("evt");

            send(key, refused);
            send(key, event(next, key, newPhone()));

            awaitState(next, "created");
            List<ConsumerRecord<byte[], byte[]>> dead;
            try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
                dead = kafka.awaitRawRecords(DEAD_LETTER_TOPIC, 1, r -> key.equals(text(r.key())), WAIT);
            }
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(header(record, CollectionEventConsumer.REASON_HEADER)).isEqualTo("unstorable");
                assertThat(header(record, "dead-letter-reason")).contains("SQLSTATE 23514");
                assertThat(text(record.value())).isEqualTo(refused);
            });
        } finally {
            update("alter table task_request drop constraint " + constraint);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
