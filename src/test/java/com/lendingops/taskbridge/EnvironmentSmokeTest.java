package com.lendingops.taskbridge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Proves the application runs against the real in-JVM Kafka broker and the real PostgreSQL of the test environment. */
@QuarkusTest
class EnvironmentSmokeTest {

    @Inject
    Pool pool;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> applicationKafkaConfig;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String applicationBootstrapServers;

    @BeforeEach
    void startFromEmptyTables() {
        TestEnvironment.get().postgres().truncateAll();
    }

    @Test
    void applicationIsConfiguredWithTheSharedBroker() {
        assertThat(applicationBootstrapServers).isEqualTo(TestEnvironment.get().kafka().bootstrapServers());
    }

    @Test
    void recordSentWithApplicationKafkaConfigIsReadBackFromTheBroker() {
        String topic = "smoke-" + UUID.randomUUID();
        String key = "CASE-" + UUID.randomUUID();
        TestEnvironment.get().kafka().createTopics(1, topic);

        try (KafkaProducer<String, String> producer = applicationProducer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, "{\"hello\":\"kafka\"}");
            record.headers().add("ce_type", "smoke".getBytes());
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("The application's Kafka configuration could not reach the broker", e);
        }

        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            List<ConsumerRecord<String, String>> received = kafka.awaitRecords(topic, 1, r -> key.equals(r.key()));
            assertThat(received.get(0).value()).isEqualTo("{\"hello\":\"kafka\"}");
            assertThat(KafkaTestClient.header(received.get(0), "ce_type")).isEqualTo("smoke");
        }
    }

    @Test
    void rowWrittenThroughReactivePoolIsReadBackFromMigratedTable() {
        pool.preparedQuery("insert into smoke_probe (id, note) values ($1, $2)")
                .execute(Tuple.of(42L, "written by the smoke test")).await().indefinitely();

        Row row = pool.preparedQuery("select note from smoke_probe where id = $1")
                .execute(Tuple.of(42L)).await().indefinitely().iterator().next();

        assertThat(row.getString("note")).isEqualTo("written by the smoke test");
    }

    @Test
    void flywayAppliedTheMigrationsBeforeTheApplicationStarted() {
        long applied = pool.query("select count(*) from flyway_schema_history where success")
                .execute().await().indefinitely().iterator().next().getLong(0);

        assertThat(applied).isPositive();
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    private KafkaProducer<String, String> applicationProducer() {
        Map<String, Object> config = new HashMap<>(applicationKafkaConfig);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
