package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables of every Quarkus extension on the classpath, from the config model
 * each extension jar ships (META-INF/quarkus-config-doc/quarkus-config-model.json), with the
 * phase that says whether a value set at run time is honoured at all.
 */
final class QuarkusConfigModel {

    static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    private QuarkusConfigModel() {
    }

    /** Environment variable name to phase (RUN_TIME, BUILD_TIME, BUILD_AND_RUN_TIME_FIXED). */
    static Map<String, String> environmentVariables() {
        Map<String, String> result = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(QuarkusConfigModel.class.getClassLoader().getResources(MODEL))) {
                try (InputStream in = url.openStream()) {
                    collect(json.readTree(in), result);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static void collect(JsonNode node, Map<String, String> result) {
        JsonNode variable = node.path("path").path("environmentVariable");
        if (variable.isTextual()) {
            // a key some extension reads at run time is a run-time key, whatever another says
            result.merge(variable.asText(), node.path("phase").asText("RUN_TIME"),
                    (a, b) -> "RUN_TIME".equals(a) ? a : b);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, result));
        }
    }
}
