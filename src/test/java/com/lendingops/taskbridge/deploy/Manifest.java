package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One YAML document of deploy/ (or of a rendered overlay), with where it came from. */
record Manifest(Path source, JsonNode tree) {

    String kind() {
        return tree.path("kind").asText();
    }

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    boolean is(String kind) {
        return kind.equals(kind());
    }

    <T> T as(Class<T> type) {
        return Yaml.typed(tree, type);
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + ProjectFiles.root().relativize(source.toAbsolutePath()) + ")";
    }
}
