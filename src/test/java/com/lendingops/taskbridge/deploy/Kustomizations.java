package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a kustomization.yaml refers to: resources, patch files and generator inputs. */
final class Kustomizations {

    private Kustomizations() {
    }

    static JsonNode read(Path dir) {
        return Yaml.documents(dir.resolve(DeployManifests.KUSTOMIZATION)).get(0);
    }

    /** Files named by patches[].path and the older patchesStrategicMerge list. */
    static List<String> patchFiles(JsonNode kustomization) {
        List<String> files = new ArrayList<>();
        kustomization.path("patches").forEach(p -> {
            if (p.has("path")) {
                files.add(p.path("path").asText());
            }
        });
        kustomization.path("patchesStrategicMerge").forEach(p -> files.add(p.asText()));
        return files;
    }

    /** Every file or directory the kustomization depends on, resolved against its directory. */
    static List<Path> references(Path dir) {
        JsonNode kustomization = read(dir);
        List<Path> refs = new ArrayList<>();
        kustomization.path("resources").forEach(r -> refs.add(dir.resolve(r.asText()).normalize()));
        kustomization.path("components").forEach(r -> refs.add(dir.resolve(r.asText()).normalize()));
        patchFiles(kustomization).forEach(p -> refs.add(dir.resolve(p).normalize()));
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            kustomization.path(generator).forEach(g -> {
                g.path("files").forEach(f -> refs.add(dir.resolve(f.asText().replaceFirst("^[^=]*=", ""))));
                g.path("envs").forEach(f -> refs.add(dir.resolve(f.asText())));
            });
        }
        return refs;
    }
}
