package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog the manifest tests rely on knows the application's keys and nothing else. */
class ConfigKeyCatalogTest {

    private final ConfigKeyCatalog catalog = ConfigKeyCatalog.ofApplication();

    @Test
    void readsTheKeysOfTheApplicationsConfigMappings() {
        assertThat(List.of("INCS_API_URL", "INCS_API_TOKEN", "INCS_AUTH_ID", "INCS_MODULE_ID", "INCS_TIME_ZONE",
                "INCS_DEFAULT_COUNTRY_CODE", "INCS_RATE_LIMIT_PER_SECOND", "INCS_MAX_IN_FLIGHT"))
                .allMatch(catalog::reads);
    }

    @Test
    void readsRunTimeKeysOfTheQuarkusExtensionsTheApplicationShips() {
        assertThat(List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_SHUTDOWN_TIMEOUT", "KAFKA_BOOTSTRAP_SERVERS"))
                .allMatch(catalog::reads);
    }

    @Test
    void rejectsMisspelledAndForeignNames() {
        assertThat(List.of("INCS_API_TOKNE", "QUARKUS_DATASOURCE_REACTIVE_URI", "SPRING_DATASOURCE_URL", "INCS_TOKEN"))
                .noneMatch(catalog::reads);
    }

    /** Quarkus hands every KAFKA_* variable to the Kafka clients: real client settings count, made-up ones do not. */
    @Test
    void readsKafkaClientSettingsGivenAsKafkaVariables() {
        assertThat(List.of("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SSL_KEYSTORE_PASSWORD",
                "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM")).allMatch(catalog::reads);
        assertThat(List.of("KAFKA_SASL_PASSWORD", "KAFKA_SSL_TRUSTSTORE_LOCATON")).noneMatch(catalog::reads);
    }

    @Test
    void flagsQuarkusKeysFixedAtBuildTime() {
        assertThat(catalog.isBuildTimeOnly("QUARKUS_DATASOURCE_DB_KIND")).isTrue();
        assertThat(catalog.isBuildTimeOnly("QUARKUS_DATASOURCE_USERNAME")).isFalse();
    }

    @Test
    void namesKeysOfNestedGroupsMapsAndListsTheWaySmallRyeDoes() {
        assertThat(ConfigMappingKeys.patterns(ConfigMappingKeys.of(SampleMapping.class))).containsExactlyInAnyOrder(
                "sample.plain-value", "sample.renamed", "sample.nested.deep-value", "sample.by-name.*.deep-value",
                "sample.items[*].deep-value", "sample.maybe");
    }

    @Test
    void marksOnlyKeysWithoutDefaultOrOptionalAsRequired() {
        assertThat(ConfigMappingKeys.of(SampleMapping.class))
                .filteredOn(ConfigMappingKeys.Key::required)
                .extracting(ConfigMappingKeys.Key::pattern)
                .containsExactlyInAnyOrder("sample.renamed", "sample.nested.deep-value");
    }

    @ConfigMapping(prefix = "sample")
    interface SampleMapping {
        @WithDefault("x")
        String plainValue();

        @WithName("renamed")
        int original();

        Nested nested();

        Map<String, Nested> byName();

        List<Nested> items();

        Optional<String> maybe();

        interface Nested {
            String deepValue();
        }
    }
}
