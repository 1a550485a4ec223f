package com.lendingops.taskbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

/**
 * A test running inside the Quarkus application can stop and restart the very broker the application is configured
 * with, through the static {@link TestEnvironment}, and the application's Kafka configuration works again afterwards.
 */
@QuarkusTest
class SharedBrokerOutageTest {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> applicationKafkaConfig;

    @Test
    void brokerStoppedFromATestIsTheOneTheApplicationUsesAndComesBackWithItsRecords() throws Exception {
        KafkaBroker kafka = TestEnvironment.get().kafka();
        assertThat(applicationKafkaConfig.get("bootstrap.servers")).isEqualTo(kafka.bootstrapServers());
        String topic = "outage-" + UUID.randomUUID();
        kafka.createTopics(1, topic);
        sendWithApplicationConfig(topic, "before the outage");

        try (KafkaTestClient client = TestEnvironment.get().newKafkaClient()) {
            kafka.whileStopped(() -> assertThat(client.brokerAnswers(Duration.ofSeconds(2))).isFalse());

            sendWithApplicationConfig(topic, "after the restart");
            assertThat(client.awaitRecords(topic, 2, r -> true)).extracting(ConsumerRecord::value)
                    .containsExactly("before the outage", "after the restart");
        }
    }

    private void sendWithApplicationConfig(String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(new HashMap<>(applicationKafkaConfig),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "case-1", value)).get();
        }
    }
}
