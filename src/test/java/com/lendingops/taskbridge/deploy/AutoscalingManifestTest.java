package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendingops.taskbridge.deploy.promql.PromQl;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * KEDA owns the replica count and adds pods only when they can help: no replicas in the Deployment, HPA behaviour for
 * scale-in, the lag trigger gated by bridge_scale_out_useful, and the Kafka scaler authenticated as the KafkaUser.
 */
class AutoscalingManifestTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Test
    void noDeploymentSetsReplicasWhileKedaOwnsThem() {
        assertThat(Deployable.all()).allSatisfy(deployable -> assertThat(deployable.deployment().getSpec().getReplicas())
                .as("replicas of %s", deployable).isNull());
        assertThat(DeployManifests.files()).filteredOn(m -> m.is("Deployment"))
                .allSatisfy(m -> assertThat(m.tree().path("spec").has("replicas")).as("%s", m).isFalse());
    }

    @Test
    void scaleInGoesThroughTheHpaBehaviourSlowlyOnePodAtATime() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            JsonNode scaleDown = scaledObject(deployable).path("advanced").path("horizontalPodAutoscalerConfig")
                    .path("behavior").path("scaleDown");
            assertThat(scaleDown.path("stabilizationWindowSeconds").asInt()).as("%s", deployable).isGreaterThanOrEqualTo(120);
            assertThat(scaleDown.path("policies")).singleElement().satisfies(policy -> {
                assertThat(policy.path("type").asText()).isEqualTo("Pods");
                assertThat(policy.path("value").asInt()).isEqualTo(1);
            });
        });
    }

    /** The lag counts fully only while bridge_scale_out_useful says another pod helps; else it is capped. */
    @Test
    void theLagTriggerIsGatedByTheScaleOutSignalInTheFormula() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            JsonNode spec = scaledObject(deployable);
            JsonNode modifiers = spec.path("advanced").path("scalingModifiers");
            List<String> names = new ArrayList<>();
            spec.path("triggers").forEach(t -> names.add(t.path("name").asText()));
            String formula = modifiers.path("formula").asText();
            String target = modifiers.path("target").asText();

            assertThat(names).as("trigger names of %s", deployable).containsExactly("lag", "useful", "replicas");
            assertThat(identifiers(formula)).as(formula).containsOnly("lag", "useful", "replicas");
            assertThat(formula).startsWith("useful >= 1 ? lag : ").contains("replicas * " + target);
            assertThat(modifiers.path("metricType").asText()).isEqualTo("AverageValue");
            assertThat(spec.path("triggers").get(0).path("metadata").path("lagThreshold").asText()).isEqualTo(target);
            for (JsonNode trigger : spec.path("triggers")) {
                if (trigger.path("type").asText().equals("prometheus")) {
                    assertThat(PromQl.parse(trigger.path("metadata").path("query").asText()).metricNames())
                            .containsExactly("bridge_scale_out_useful");
                }
            }
        });
    }

    @Test
    void theKafkaScalerAndThePodsAuthenticateAsTheKafkaUser() {
        String user = KafkaUserAcls.ofBase().user();
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            JsonNode lag = scaledObject(deployable).path("triggers").get(0);
            Manifest auth = deployable.every("TriggerAuthentication").stream()
                    .filter(m -> m.name().equals(lag.path("authenticationRef").path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no TriggerAuthentication in " + deployable));
            JsonNode password = parameter(auth.tree().path("spec").path("secretTargetRef"), "password");
            JsonNode username = parameter(auth.tree().path("spec").path("configMapTargetRef"), "username");
            EnvVar jaas = deployable.container().getEnv().stream()
                    .filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();

            assertThat(password.path("name").asText()).as("the User Operator's Secret").isEqualTo(user);
            assertThat(password.path("key").asText()).isEqualTo("password");
            assertThat(deployable.configMap(username.path("name").asText()).getData())
                    .containsEntry(username.path("key").asText(), user);
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user);
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
            assertThat(deployable.configMapEnvironment()).containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        });
    }

    /** The KafkaUser grants what the application's configuration uses, and nothing on other topics or groups. */
    @Test
    void theKafkaUserGrantsExactlyTheApplicationsTopicsAndGroup() {
        ApplicationTopics app = ApplicationTopics.read();
        List<String> resources = KafkaUserAcls.ofBase().acls().stream()
                .map(b -> b.pattern().resourceType() + " " + b.pattern().name() + " " + b.entry().operation())
                .toList();

        assertThat(resources).containsExactlyInAnyOrder(
                "TOPIC collection-task-requests READ", "TOPIC collection-task-requests DESCRIBE",
                "TOPIC collection-task-requests WRITE",
                "GROUP " + app.consumerGroup() + " READ", "GROUP " + app.consumerGroup() + " DESCRIBE",
                "TOPIC collection-task-events WRITE", "TOPIC collection-task-events DESCRIBE",
                "TOPIC collection-task-requests-dlq WRITE", "TOPIC collection-task-requests-dlq DESCRIBE",
                "TOPIC collection-task-requests-dlq READ");
        assertThat(app.all()).containsExactlyInAnyOrder("collection-task-requests", "collection-task-events",
                "collection-task-requests-dlq");
    }

    private static JsonNode scaledObject(Deployable deployable) {
        return deployable.single("ScaledObject").tree().path("spec");
    }

    private static JsonNode parameter(JsonNode refs, String parameter) {
        for (JsonNode ref : refs) {
            if (ref.path("parameter").asText().equals(parameter)) {
                return ref;
            }
        }
        throw new AssertionError("no parameter " + parameter + " in " + refs);
    }

    private static List<String> identifiers(String formula) {
        List<String> found = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(formula);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
