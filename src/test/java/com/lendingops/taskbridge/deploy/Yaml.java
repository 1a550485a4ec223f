package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads (multi-document) YAML into trees and trees into fabric8 typed Kubernetes objects. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    /** Every non-empty document of a file, in order. */
    static List<JsonNode> documents(Path file) {
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile());
                MappingIterator<JsonNode> docs = MAPPER.readValues(parser, JsonNode.class)) {
            return nonEmpty(docs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static List<JsonNode> documents(String yaml) {
        try (JsonParser parser = MAPPER.getFactory().createParser(yaml);
                MappingIterator<JsonNode> docs = MAPPER.readValues(parser, JsonNode.class)) {
            return nonEmpty(docs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse rendered YAML", e);
        }
    }

    /** The fabric8 model picks the class from apiVersion/kind; unknown kinds come back generic. */
    static KubernetesResource typed(JsonNode document) {
        try {
            return MAPPER.treeToValue(document, KubernetesResource.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a Kubernetes object: " + document, e);
        }
    }

    static <T> T typed(JsonNode document, Class<T> type) {
        return type.cast(typed(document));
    }

    private static List<JsonNode> nonEmpty(MappingIterator<JsonNode> docs) throws IOException {
        List<JsonNode> result = new ArrayList<>();
        while (docs.hasNextValue()) {
            JsonNode doc = docs.nextValue();
            if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                result.add(doc);
            }
        }
        return result;
    }
}
