package com.lendingops.taskbridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;

import io.quarkus.test.junit.QuarkusTest;

/** The Kafka test helper delivers exactly the bytes a malformed-input test needs, and its waits fail loudly. */
@QuarkusTest
class KafkaTestClientTest {

    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x7B};

    private final String topic = "client-" + UUID.randomUUID();
    private KafkaTestClient client;

    @BeforeEach
    void createTopic() {
        TestEnvironment.get().kafka().createTopics(2, topic);
        client = TestEnvironment.get().newKafkaClient();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void rawBytesWithoutKeyArriveUnchangedWithTheirHeaders() {
        client.sendBytes(topic, null, INVALID_UTF8, Map.of("ce_id", "raw-1".getBytes(UTF_8), "blob", new byte[] {0, 1}));

        List<ConsumerRecord<byte[], byte[]>> records =
                client.awaitRawRecords(topic, 1, r -> r.key() == null, Duration.ofSeconds(30));

        assertThat(records.get(0).value()).isEqualTo(INVALID_UTF8);
        assertThat(KafkaTestClient.header(records.get(0), "ce_id")).isEqualTo("raw-1");
        assertThat(records.get(0).headers().lastHeader("blob").value()).isEqualTo(new byte[] {0, 1});
    }

    @Test
    void awaitRecordsReturnsOnlyRecordsMatchingThePredicate() {
        client.send(topic, "case-a", "first", Map.of("ce_type", "collection.task.created"));
        client.send(topic, "case-b", "other");
        client.send(topic, "case-a", "second", Map.of("ce_type", "collection.task.status-changed"));

        List<ConsumerRecord<String, String>> caseA = client.awaitRecords(topic, 2, r -> "case-a".equals(r.key()));

        assertThat(caseA).extracting(ConsumerRecord::value).containsExactly("first", "second");
        assertThat(KafkaTestClient.headers(caseA.get(1))).containsEntry("ce_type", "collection.task.status-changed");
    }

    @Test
    void readAllReturnsEverythingCurrentlyOnTheTopic() {
        for (String key : Arrays.asList("k1", "k2", "k3")) {
            client.send(topic, key, "v-" + key);
        }

        assertThat(client.readAll(topic)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("k1", "k2", "k3");
    }

    @Test
    void awaitRecordsFailsWhenFewerRecordsThanExpectedArrive() {
        client.send(topic, "only", "one");

        assertThatThrownBy(() -> client.awaitRecords(topic, 2, r -> true, Duration.ofSeconds(2)))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessageContaining(topic);
    }
}
