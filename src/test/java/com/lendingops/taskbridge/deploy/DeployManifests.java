package com.lendingops.taskbridge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every manifest under deploy/: the raw files as written, and each kustomization as applied. */
final class DeployManifests {

    static final String KUSTOMIZATION = "kustomization.yaml";

    private DeployManifests() {
    }

    /** Every document of every YAML file under deploy/ except the kustomization files themselves. */
    static List<Manifest> files() {
        return yamlFiles().stream()
                .filter(file -> !file.getFileName().toString().equals(KUSTOMIZATION))
                .flatMap(file -> Yaml.documents(file).stream().map(doc -> new Manifest(file, doc)))
                .toList();
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> paths = Files.walk(ProjectFiles.deploy())) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Directories holding a kustomization.yaml: the base and every overlay. */
    static List<Path> kustomizationDirs() {
        return yamlFiles().stream()
                .filter(file -> file.getFileName().toString().equals(KUSTOMIZATION))
                .map(Path::getParent)
                .toList();
    }

    static List<Manifest> rendered(Path kustomizationDir) {
        return KustomizeRenderer.render(kustomizationDir);
    }

    static Manifest single(List<Manifest> manifests, String kind) {
        List<Manifest> found = manifests.stream().filter(m -> m.is(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + kind + " but found " + found);
        }
        return found.get(0);
    }
}
