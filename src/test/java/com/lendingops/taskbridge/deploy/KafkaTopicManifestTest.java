package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strimzi topics and the KEDA trigger match the application's topics, group and partitions. */
class KafkaTopicManifestTest {

    /** The contract of issues 3 and 4: input, output and dead-letter topic names. */
    static final String INPUT = "collection-task-requests";
    static final Set<String> CONTRACT_TOPICS = Set.of(INPUT, "collection-task-events", "collection-task-requests-dlq");

    @Test
    void everyKustomizationDeclaresTheThreeContractTopics() {
        assertThat(Deployable.all()).allSatisfy(deployable -> assertThat(topics(deployable).keySet())
                .as("KafkaTopics of %s", deployable)
                .containsExactlyInAnyOrderElementsOf(CONTRACT_TOPICS));
    }

    @Test
    void kafkaTopicsAreExactlyTheTopicsTheApplicationIsConfiguredWith() {
        ApplicationTopics app = ApplicationTopics.read();
        assumeFalse(app.all().isEmpty(), "the application declares no Kafka topic yet (ingest/sync not merged)");

        assertThat(Deployable.all()).allSatisfy(deployable -> assertThat(topics(deployable).keySet())
                .as("KafkaTopics of %s vs application config", deployable)
                .containsExactlyInAnyOrderElementsOf(app.all()));
    }

    @Test
    void deadLetterTopicIsKeptLongerThanTheInput() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            Map<String, JsonNode> topics = topics(deployable);
            assertThat(retentionMs(topics.get("collection-task-requests-dlq")))
                    .isGreaterThan(retentionMs(topics.get(INPUT)));
        });
    }

    @Test
    void scaledObjectFollowsTheLagOfTheApplicationsConsumerGroupOnTheInputTopic() {
        ApplicationTopics app = ApplicationTopics.read();
        Set<String> inputs = app.incoming().isEmpty() ? Set.of(INPUT) : app.incoming();

        assertThat(Deployable.all()).allSatisfy(deployable -> {
            JsonNode spec = deployable.single("ScaledObject").tree().path("spec");
            JsonNode trigger = spec.path("triggers").get(0);
            assertThat(spec.path("scaleTargetRef").path("name").asText())
                    .isEqualTo(deployable.deployment().getMetadata().getName());
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            assertThat(trigger.path("metadata").path("consumerGroup").asText()).isEqualTo(app.consumerGroup());
            assertThat(inputs).contains(trigger.path("metadata").path("topic").asText());
        });
    }

    /** Consumers beyond the partition count sit idle; the sync and outbox need at least one pod. */
    @Test
    void replicasStayBetweenOneAndThePartitionsOfTheInputTopic() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            JsonNode spec = deployable.single("ScaledObject").tree().path("spec");
            String topic = spec.path("triggers").get(0).path("metadata").path("topic").asText();
            int partitions = topics(deployable).get(topic).path("spec").path("partitions").asInt();
            assertThat(spec.path("minReplicaCount").asInt()).as("min replicas in %s", deployable).isGreaterThanOrEqualTo(1);
            assertThat(spec.path("maxReplicaCount").asInt()).as("max replicas in %s", deployable)
                    .isBetween(spec.path("minReplicaCount").asInt(), partitions);
        });
    }

    /** Topic name (spec.topicName, else metadata.name) to its KafkaTopic tree. */
    private static Map<String, JsonNode> topics(Deployable deployable) {
        return deployable.every("KafkaTopic").stream().collect(Collectors.toMap(
                m -> m.tree().path("spec").path("topicName").asText(m.name()),
                Manifest::tree, (a, b) -> a, TreeMap::new));
    }

    private static long retentionMs(JsonNode topic) {
        return Long.parseLong(topic.path("spec").path("config").path("retention.ms").asText());
    }
}
