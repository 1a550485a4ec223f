package com.lendingops.taskbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain {@link KafkaBroker} survives an outage: same address, same data. No Quarkus involved. */
class KafkaBrokerRestartTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaBroker().start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void recordsWrittenBeforeAnOutageAreReadableAfterRestartOnTheSameAddress() {
        String topic = "restart-" + UUID.randomUUID();
        broker.createTopics(3, topic);
        String addressBeforeOutage = broker.bootstrapServers();

        try (KafkaTestClient client = new KafkaTestClient(addressBeforeOutage)) {
            client.send(topic, "case-1", "written before the outage");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(client.brokerAnswers(Duration.ofSeconds(2))).isFalse();

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(addressBeforeOutage);
            // The same producer reconnects by itself, as the application's clients will have to.
            client.send(topic, "case-1", "written after the restart");

            List<ConsumerRecord<String, String>> records = client.awaitRecords(topic, 2, r -> "case-1".equals(r.key()));
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactly("written before the outage", "written after the restart");
        }
    }

    @Test
    void topicsCreatedBeforeAnOutageKeepTheirPartitions() {
        String topic = "partitions-" + UUID.randomUUID();
        broker.createTopics(4, topic);

        broker.restart();

        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            for (int i = 0; i < 4; i++) {
                client.send(topic, "key-" + i, "value-" + i);
            }
            assertThat(client.awaitRecords(topic, 4, r -> true))
                    .extracting(ConsumerRecord::partition).allMatch(partition -> partition >= 0 && partition < 4);
            assertThat(client.partitionCount(topic)).isEqualTo(4);
        }
    }

    @Test
    void brokerLeftStoppedByAFailedTestStillClosesAndDeletesItsData() {
        KafkaBroker other = new KafkaBroker().start();
        other.stop();

        other.close();

        assertThat(other.dataDirectory()).doesNotExist();
    }
}
