package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker/compose.yaml cannot be run here; what can be checked without a Docker engine is. */
class ComposeFileTest {

    private final JsonNode services = Yaml.documents(ProjectFiles.compose()).get(0).path("services");

    @Test
    void bridgeEnvironmentIsReadByTheApplication() {
        ConfigKeyCatalog catalog = ConfigKeyCatalog.ofApplication();
        List<String> names = new ArrayList<>();
        services.path("bridge").path("environment").fieldNames().forEachRemaining(names::add);

        assertThat(names).contains("KAFKA_BOOTSTRAP_SERVERS", "INCS_API_URL", "INCS_API_TOKEN")
                .allSatisfy(name -> assertThat(catalog.reads(name)).as(name).isTrue());
    }

    @Test
    void longRunningServicesHaveHealthChecksAndTheBridgeWaitsForThem() {
        JsonNode dependsOn = services.path("bridge").path("depends_on");

        for (String service : List.of("kafka", "postgres", "incs-simulator", "bridge")) {
            assertThat(services.path(service).path("healthcheck").path("test").isArray()).as(service).isTrue();
        }
        for (String service : List.of("kafka", "postgres", "incs-simulator")) {
            assertThat(dependsOn.path(service).path("condition").asText()).as(service).isEqualTo("service_healthy");
        }
    }

    @Test
    void bridgeIsBuiltFromTheJvmDockerfileAndPublishesTheHttpPort() {
        JsonNode bridge = services.path("bridge");

        assertThat(bridge.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile.jvm");
        assertThat(bridge.path("ports").get(0).asText()).endsWith(":" + ApplicationProperties.load().get("quarkus.http.port", "8080"));
    }
}
