package com.lendingops.taskbridge.deploy;

import static com.lendingops.taskbridge.deploy.SecuredKafka.DEAD_LETTERS;
import static com.lendingops.taskbridge.deploy.SecuredKafka.EVENTS;
import static com.lendingops.taskbridge.deploy.SecuredKafka.INPUT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.testsupport.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendingops.taskbridge.deadletter.DeadLetterReader;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.ingest.IngestTestSupport;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The bridge runs against a broker that accepts only SASL/SCRAM-SHA-512 clients and denies what no ACL allows, with
 * nothing but the global kafka.* settings and the KafkaUser's ACLs: the consumer, the task-events producer, the
 * dead-letter producer and the dead-letter API all authenticate and have the rights they need.
 */
@QuarkusTest
@TestProfile(SaslScramProfile.class)
class SaslScramKafkaTest {

    @Inject
    IncsClient client;

    @Inject
    DeadLetterReader deadLetters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void consumesPublishesAndDeadLettersAsTheKafkaUserOverScram() {
        IngestTestSupport.cleanStart(client);
        String eventId = IngestTestSupport.newId("evt");
        String caseId = IngestTestSupport.newId("case");
        String badKey = IngestTestSupport.newId("bad");
        try (KafkaTestClient upstream = new KafkaTestClient(KafkaBroker.superUserClientConfig(bootstrapServers))) {
            upstream.send(INPUT, caseId, IngestTestSupport.event(eventId, caseId, IngestTestSupport.newPhone()));
            upstream.sendBytes(INPUT, bytes(badKey), bytes("{not json"), Map.of());

            IngestTestSupport.awaitState(eventId, "created");
            List<ConsumerRecord<String, String>> created = upstream.awaitRecords(EVENTS, 1,
                    r -> caseId.equals(r.key()) && "collection.task.created".equals(header(r, "ce_type")), WAIT);
            List<ConsumerRecord<byte[], byte[]>> dead = upstream.awaitRawRecords(DEAD_LETTERS, 1,
                    r -> badKey.equals(text(r.key())), WAIT);

            assertThat(created).singleElement().satisfies(r -> assertThat(r.value()).contains(eventId));
            assertThat(header(dead.get(0), "bridge-dead-letter-code")).isEqualTo("not-json");
        }
        assertThat(deadLetters.count()).as("the dead-letter API reads with the same credentials").isPositive();
    }

    /** The negative control: the listener really checks the password, so the test above proves authentication. */
    @Test
    void aClientWithTheWrongPasswordIsRefused() {
        Map<String, Object> wrong = new HashMap<>(KafkaBroker.scramClientConfig(
                KafkaUserAcls.ofBase().user(), "not-the-password"));
        wrong.put("bootstrap.servers", bootstrapServers);
        wrong.put("max.block.ms", "10000");

        try (KafkaTestClient intruder = new KafkaTestClient(wrong)) {
            assertThatThrownBy(() -> intruder.send(INPUT, "k", "v"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
