package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kustomizations build: what they reference exists, and every manifest file is used by one. */
class KustomizationTest {

    @Test
    void baseAndBothOverlaysExist() {
        assertThat(DeployManifests.kustomizationDirs()).extracting(dir -> ProjectFiles.deploy().relativize(dir).toString())
                .contains("base", "overlays/dev", "overlays/prod");
    }

    @Test
    void everyReferencedFileExists() {
        assertThat(DeployManifests.kustomizationDirs()).allSatisfy(dir -> assertThat(Kustomizations.references(dir))
                .allSatisfy(ref -> assertThat(Files.exists(ref)).as("%s referenced by %s", ref, dir).isTrue()));
    }

    /** Only the Secret example stays out: the real Secret is created per environment. */
    @Test
    void everyManifestFileIsUsedByAKustomizationExceptTheSecretExample() {
        Set<Path> referenced = new HashSet<>();
        DeployManifests.kustomizationDirs().forEach(dir -> referenced.addAll(Kustomizations.references(dir)));

        List<Path> unused = DeployManifests.yamlFiles().stream()
                .filter(f -> !f.getFileName().toString().equals(DeployManifests.KUSTOMIZATION))
                .filter(f -> !referenced.contains(f.normalize()))
                .toList();

        assertThat(unused).extracting(f -> f.getFileName().toString()).containsExactly("secret.example.yaml");
    }

    /** A configuration change renames the generated ConfigMap, which changes the pod template: the pods roll. */
    @Test
    void theApplicationsEnvironmentIsGeneratedWithAContentHashInItsName() {
        JsonNode generator = java.util.stream.StreamSupport.stream(
                        Kustomizations.read(ProjectFiles.deploy().resolve("base")).path("configMapGenerator").spliterator(), false)
                .filter(g -> g.path("name").asText().equals("collection-task-bridge-config")).findFirst().orElseThrow();
        assertThat(generator.path("options").path("disableNameSuffixHash").asBoolean(false)).isFalse();
        assertThat(DeployManifests.files()).noneMatch(m -> m.is("ConfigMap"));

        assertThat(Deployable.all()).allSatisfy(deployable -> assertThat(deployable.container().getEnvFrom())
                .filteredOn(source -> source.getConfigMapRef() != null)
                .singleElement().satisfies(source -> assertThat(source.getConfigMapRef().getName())
                        .matches("collection-task-bridge-config-[a-z0-9]{10}")));
        var data = Yaml.MAPPER.createObjectNode().put("INCS_MAX_IN_FLIGHT", "16");
        assertThat(ConfigMapGenerators.hash(data))
                .isNotEqualTo(ConfigMapGenerators.hash(data.deepCopy().put("INCS_MAX_IN_FLIGHT", "17")));
    }

    @Test
    void productionPinsTheImageByDigest() {
        Deployable prod = Deployable.all().stream().filter(d -> d.dir().endsWith("overlays/prod")).findFirst().orElseThrow();

        assertThat(prod.container().getImage()).matches("[a-z0-9.\\-/]+@sha256:[0-9a-f]{64}");
    }

    @Test
    void everyKustomizationAppliesTheAlertRulesAndTheDashboard() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            assertThat(deployable.every("PrometheusRule")).as("rules of %s", deployable).hasSize(1);
            assertThat(deployable.every("ConfigMap")).as("dashboard of %s", deployable)
                    .filteredOn(m -> "1".equals(m.tree().path("metadata").path("labels").path("grafana_dashboard").asText()))
                    .singleElement().satisfies(m -> assertThat(m.tree().path("data").path("collection-task-bridge.json")
                            .asText()).isEqualTo(java.nio.file.Files.readString(MonitoringQueries.DASHBOARD)));
        });
    }

    /** The stand-in renderer is what CI relies on without kubectl; here it is checked against the real one. */
    @Test
    void realKustomizeAndTheStandInRenderTheSameObjects() {
        assumeTrue(KustomizeRenderer.realKustomize().isPresent(), "no kubectl or kustomize on PATH");

        assertThat(DeployManifests.kustomizationDirs()).allSatisfy(dir -> {
            List<Manifest> real = KustomizeRenderer.render(dir);
            List<Manifest> standIn = KustomizeRenderer.standIn(dir);
            assertThat(real).extracting(Manifest::kind, Manifest::name)
                    .containsExactlyInAnyOrderElementsOf(standIn.stream()
                            .map(m -> tuple(m.kind(), m.name())).toList());
            for (Manifest object : real) {
                Manifest same = standIn.stream().filter(m -> m.is(object.kind()) && m.name().equals(object.name()))
                        .findFirst().orElseThrow();
                assertThat(withoutMetadata(same)).as("%s of %s", object, dir).isEqualTo(withoutMetadata(object));
                assertThat(same.tree().path("metadata").path("labels").path("grafana_dashboard"))
                        .as("dashboard label of %s", object)
                        .isEqualTo(object.tree().path("metadata").path("labels").path("grafana_dashboard"));
            }
        });
    }

    /** Labels added by the kustomization's label transformer are not part of the comparison. */
    private static JsonNode withoutMetadata(Manifest manifest) {
        ObjectNode copy = manifest.tree().deepCopy();
        copy.remove("metadata");
        return copy;
    }
}
