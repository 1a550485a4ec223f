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
