package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization: with the real kustomize (kubectl or kustomize on PATH) when there is one,
 * otherwise with a small stand-in that applies resources, configMapGenerator ({@link ConfigMapGenerators}), patch
 * files (maps merged, lists of named items merged by name, other lists replaced), namespace and images (tag or
 * digest), which is all deploy/ uses.
 */
final class KustomizeRenderer {

    private KustomizeRenderer() {
    }

    static List<Manifest> render(Path dir) {
        return realKustomize().map(cmd -> withTool(cmd, dir)).orElseGet(() -> standIn(dir));
    }

    /** The command that builds a kustomization, if this machine has one. */
    static Optional<List<String>> realKustomize() {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return Optional.of(List.of(kubectl.get().toString(), "kustomize"));
        }
        return onPath("kustomize").map(k -> List.of(k.toString(), "build"));
    }

    private static Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static List<Manifest> withTool(List<String> command, Path dir) {
        try {
            List<String> full = new ArrayList<>(command);
            full.add(dir.toString());
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", full) + " failed:\n" + output);
            }
            Path source = dir.resolve(DeployManifests.KUSTOMIZATION);
            return Yaml.documents(output).stream().map(doc -> new Manifest(source, doc)).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<Manifest> standIn(Path dir) {
        List<Manifest> result = build(dir);
        ConfigMapGenerators.finish(result);
        return result;
    }

    /** Everything but the generated names' hash suffixes, which depend on the final (merged) content. */
    private static List<Manifest> build(Path dir) {
        JsonNode kustomization = Yaml.documents(dir.resolve(DeployManifests.KUSTOMIZATION)).get(0);
        List<Manifest> result = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                result.addAll(build(path));
            } else {
                Yaml.documents(path).forEach(doc -> result.add(new Manifest(path, doc.deepCopy())));
            }
        }
        ConfigMapGenerators.apply(dir, kustomization, result);
        for (String patchFile : Kustomizations.patchFiles(kustomization)) {
            for (JsonNode patch : Yaml.documents(dir.resolve(patchFile))) {
                Manifest target = result.stream()
                        .filter(m -> m.is(patch.path("kind").asText()))
                        .filter(m -> m.name().equals(patch.path("metadata").path("name").asText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(patchFile + " patches nothing: " + patch));
                merge((ObjectNode) target.tree(), patch, isBuiltIn(target.apiVersion()));
            }
        }
        kustomization.path("images").forEach(image -> result.forEach(m -> retag(m.tree(), image)));
        String namespace = kustomization.path("namespace").asText("");
        if (!namespace.isEmpty()) {
            result.forEach(m -> ((ObjectNode) m.tree().with("metadata")).put("namespace", namespace));
        }
        return result;
    }

    /** The images transformer: containers running image "name" get newName and newTag, or the digest. */
    private static void retag(JsonNode object, JsonNode image) {
        String name = image.path("name").asText();
        for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
            String current = container.path("image").asText();
            if (current.equals(name) || current.startsWith(name + ":") || current.startsWith(name + "@")) {
                String tag = image.has("digest") ? "@" + image.path("digest").asText()
                        : image.has("newTag") ? ":" + image.path("newTag").asText()
                        : current.substring(name.length());
                ((ObjectNode) container).put("image", image.path("newName").asText(name) + tag);
            }
        }
    }

    /**
     * Built-in kinds get a strategic merge (lists of named items merged by name); kustomize knows no schema for
     * custom resources, so their lists are replaced whole, as in a JSON merge patch.
     */
    private static boolean isBuiltIn(String apiVersion) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static void merge(ObjectNode target, JsonNode patch, boolean strategic) {
        patch.fields().forEachRemaining(field -> {
            JsonNode current = target.get(field.getKey());
            JsonNode change = field.getValue();
            if (current instanceof ObjectNode object && change.isObject()) {
                merge(object, change, strategic);
            } else if (strategic && current instanceof ArrayNode list && isNamedList(list) && isNamedList(change)) {
                mergeByName(list, change);
            } else {
                target.set(field.getKey(), change.deepCopy());
            }
        });
    }

    private static boolean isNamedList(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return false;
        }
        for (JsonNode item : list) {
            if (!item.has("name")) {
                return false;
            }
        }
        return true;
    }

    /** As kustomize's strategic merge orders it: the patch's items first (merged), then the untouched ones. */
    private static void mergeByName(ArrayNode list, JsonNode changes) {
        List<JsonNode> untouched = new ArrayList<>();
        list.forEach(untouched::add);
        List<JsonNode> merged = new ArrayList<>();
        for (JsonNode change : changes) {
            Optional<JsonNode> existing = untouched.stream()
                    .filter(item -> item.path("name").equals(change.path("name")))
                    .findFirst();
            if (existing.isPresent()) {
                merge((ObjectNode) existing.get(), change, true);
                untouched.remove(existing.get());
                merged.add(existing.get());
            } else {
                merged.add(change.deepCopy());
            }
        }
        list.removeAll();
        merged.forEach(list::add);
        untouched.forEach(list::add);
    }
}
