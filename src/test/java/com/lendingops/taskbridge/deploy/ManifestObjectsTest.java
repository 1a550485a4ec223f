package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every document under deploy/ is a Kubernetes object the fabric8 model (or a known CRD) accepts. */
class ManifestObjectsTest {

    /** Custom resources deploy/ may use: the operators this service relies on. */
    static final Map<String, Set<String>> KNOWN_CUSTOM_RESOURCES = Map.of(
            "keda.sh/v1alpha1", Set.of("ScaledObject", "TriggerAuthentication"),
            "monitoring.coreos.com/v1", Set.of("ServiceMonitor", "PrometheusRule"),
            "kafka.strimzi.io/v1beta2", Set.of("KafkaTopic", "KafkaUser"));

    @Test
    void everyDocumentHasKindApiVersionAndName() {
        List<Manifest> manifests = DeployManifests.files();

        assertThat(manifests).hasSizeGreaterThanOrEqualTo(10);
        assertThat(manifests).allSatisfy(m -> {
            assertThat(m.apiVersion()).as("apiVersion of %s", m).isNotBlank();
            assertThat(m.kind()).as("kind of %s", m).isNotBlank();
            assertThat(m.name()).as("metadata.name of %s", m).isNotBlank();
        });
    }

    @Test
    void builtInKindsAreTypedByTheModelAndOthersAreKnownCustomResources() {
        assertThat(DeployManifests.files()).allSatisfy(m -> {
            KubernetesResource typed = m.as(KubernetesResource.class);
            if (KNOWN_CUSTOM_RESOURCES.containsKey(m.apiVersion())) {
                assertThat(KNOWN_CUSTOM_RESOURCES.get(m.apiVersion())).as("kind of %s", m).contains(m.kind());
            } else {
                assertThat(typed).as("%s is not a kind/apiVersion the Kubernetes model knows", m)
                        .isNotInstanceOf(GenericKubernetesResource.class);
            }
        });
    }

    @Test
    void builtInObjectsHaveNoFieldTheModelDoesNotKnow() {
        assertThat(DeployManifests.files()).allSatisfy(m -> assertThat(TypedObjects.unknownFields(m.as(KubernetesResource.class)))
                .as("unknown (misspelled?) fields in %s", m)
                .isEmpty());
    }

    @Test
    void unknownFieldDetectionCatchesAMisspelledProbe() {
        Manifest misspelled = new Manifest(ProjectFiles.deploy().resolve("example.yaml"), Yaml.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """).get(0));

        assertThat(TypedObjects.unknownFields(misspelled.as(Deployment.class)))
                .containsExactly("spec.template.spec.containers[0].readinesProbe");
    }
}
