package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kustomize's configMapGenerator for the stand-in renderer: envs files, literals and files; options labels and
 * disableNameSuffixHash; behavior merge in overlays; and the content hash suffix computed exactly as kustomize does
 * (sha256 of the Go JSON encoding of kind and data, first ten hex digits with 0,1,3,a,e replaced), so the
 * stand-in and the real kustomize name the same ConfigMap the same (KustomizationTest compares them).
 */
final class ConfigMapGenerators {

    /** Marks a generated ConfigMap whose name gets the hash suffix once everything is merged. */
    static final String HASHED = "kustomize.stand-in/hashed";

    private ConfigMapGenerators() {
    }

    /** Applies one kustomization's generators to the objects rendered so far (base objects included). */
    static void apply(Path dir, JsonNode kustomization, List<Manifest> result) {
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            String name = generator.path("name").asText();
            Map<String, String> data = data(dir, generator);
            if (generator.path("behavior").asText("create").equals("merge")) {
                Manifest existing = result.stream().filter(m -> m.is("ConfigMap") && m.name().equals(name))
                        .findFirst().orElseThrow(() -> new AssertionError("merge into unknown ConfigMap " + name));
                ObjectNode target = (ObjectNode) existing.tree().with("data");
                data.forEach(target::put);
                continue;
            }
            ObjectNode configMap = JsonNodeFactory.instance.objectNode();
            configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
            ObjectNode metadata = configMap.putObject("metadata");
            metadata.put("name", name);
            JsonNode options = generator.path("options");
            options.path("labels").fields().forEachRemaining(l -> metadata.with("labels").set(l.getKey(), l.getValue()));
            if (!options.path("disableNameSuffixHash").asBoolean(false)) {
                metadata.with("annotations").put(HASHED, "true");
            }
            ObjectNode dataNode = configMap.putObject("data");
            data.forEach(dataNode::put);
            result.add(new Manifest(dir.resolve(DeployManifests.KUSTOMIZATION), configMap));
        }
    }

    /** Gives hashed names to generated ConfigMaps and rewrites the Deployments' references to them. */
    static void finish(List<Manifest> result) {
        Map<String, String> renamed = new TreeMap<>();
        for (Manifest m : result) {
            ObjectNode metadata = (ObjectNode) m.tree().path("metadata");
            if (m.is("ConfigMap") && metadata.path("annotations").has(HASHED)) {
                ObjectNode annotations = (ObjectNode) metadata.path("annotations");
                annotations.remove(HASHED);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
                String hashed = m.name() + "-" + hash(m.tree().path("data"));
                renamed.put(m.name(), hashed);
                metadata.put("name", hashed);
            }
        }
        result.stream().filter(m -> m.is("Deployment")).forEach(m -> rewriteReferences(m.tree(), renamed));
    }

    private static void rewriteReferences(JsonNode deployment, Map<String, String> renamed) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        for (JsonNode container : pod.path("containers")) {
            container.path("envFrom").forEach(source -> rename(source.path("configMapRef"), renamed));
            container.path("env").forEach(env -> rename(env.path("valueFrom").path("configMapKeyRef"), renamed));
        }
        pod.path("volumes").forEach(volume -> rename(volume.path("configMap"), renamed));
    }

    private static void rename(JsonNode reference, Map<String, String> renamed) {
        if (reference instanceof ObjectNode ref && renamed.containsKey(ref.path("name").asText())) {
            ref.put("name", renamed.get(ref.path("name").asText()));
        }
    }

    private static Map<String, String> data(Path dir, JsonNode generator) {
        Map<String, String> data = new TreeMap<>();
        generator.path("envs").forEach(env -> read(dir.resolve(env.asText())).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> data.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1))));
        generator.path("literals").forEach(literal -> {
            String text = literal.asText();
            data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        });
        generator.path("files").forEach(file -> {
            String spec = file.asText();
            int eq = spec.indexOf('=');
            Path path = dir.resolve(eq < 0 ? spec : spec.substring(eq + 1));
            data.put(eq < 0 ? path.getFileName().toString() : spec.substring(0, eq), read(path));
        });
        return data;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * kustomize's hash suffix of a ConfigMap (api/hasher): sha256 of the Go json.Marshal of {data, kind, name}. The
     * name there is always empty: kustomize looks "metadata/name" up as one field name, finds none and uses "".
     */
    static String hash(JsonNode data) {
        StringBuilder json = new StringBuilder("{\"data\":{");
        Map<String, String> sorted = new TreeMap<>();
        data.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        String sep = "";
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            json.append(sep).append(goString(e.getKey())).append(':').append(goString(e.getValue()));
            sep = ",";
        }
        json.append("},\"kind\":\"ConfigMap\",\"name\":\"\"}");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            char[] hex = HexFormat.of().formatHex(digest).substring(0, 10).toCharArray();
            for (int i = 0; i < hex.length; i++) {
                hex[i] = switch (hex[i]) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> hex[i];
                };
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string as Go's encoding/json writes it (HTML characters escaped too). */
    private static String goString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
