package com.lendingops.taskbridge.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Every environment variable the packaged application reads, derived from the application itself
 * so it stays true as keys are added: its @ConfigMapping interfaces, the keys and ${...}
 * references of application.properties, the run-time keys of the Quarkus extensions it ships,
 * and a short allowlist of framework keys that no config model describes.
 */
final class ConfigKeyCatalog {

    /**
     * Framework keys read outside any extension config model. kafka.bootstrap.servers: Quarkus hands
     * every "kafka." property to all Kafka channels as their default (the default-kafka-broker bean).
     */
    static final Map<String, String> FRAMEWORK_KEYS = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers, default for every Kafka channel",
            "JAVA_OPTS_APPEND", "JVM options the JVM image's run-java.sh puts last (docker/Dockerfile.jvm)");

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    private final Set<String> exactNames = new TreeSet<>();
    private final Set<Pattern> namePatterns = new LinkedHashSet<>();
    private final Set<String> buildTimeOnly = new TreeSet<>();

    static ConfigKeyCatalog ofApplication() {
        ConfigKeyCatalog catalog = new ConfigKeyCatalog();
        ConfigMappingKeys.ofApplication().forEach(key -> catalog.addKey(key.pattern()));
        ApplicationProperties properties = ApplicationProperties.load();
        properties.keys().forEach(catalog::addKey);
        properties.referencedNames().forEach(catalog::addKey);
        QuarkusConfigModel.environmentVariables().forEach((name, phase) -> {
            if ("RUN_TIME".equals(phase)) {
                catalog.exactNames.add(name);
            } else {
                catalog.buildTimeOnly.add(name);
            }
        });
        catalog.exactNames.addAll(FRAMEWORK_KEYS.keySet());
        catalog.exactNames.addAll(kafkaClientVariables());
        return catalog;
    }

    /**
     * KAFKA_ plus any Kafka client setting (KAFKA_SASL_JAAS_CONFIG, KAFKA_SSL_TRUSTSTORE_LOCATION, ...): Quarkus hands
     * every KAFKA_* variable to all Kafka clients as their kafka.* default (KafkaRuntimeConfigProducer), so each is
     * read, and the list comes from the Kafka client the application ships.
     */
    static Set<String> kafkaClientVariables() {
        Set<String> names = new TreeSet<>();
        for (Set<String> keys : List.of(ConsumerConfig.configNames(), ProducerConfig.configNames(),
                AdminClientConfig.configNames())) {
            keys.forEach(key -> names.add("KAFKA_" + environmentName(key)));
        }
        return names;
    }

    /** The environment variable SmallRye Config maps to a property name (a.b-c → A_B_C). */
    static String environmentName(String property) {
        return NOT_ALPHANUMERIC.matcher(property).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    boolean reads(String environmentVariable) {
        return exactNames.contains(environmentVariable)
                || namePatterns.stream().anyMatch(p -> p.matcher(environmentVariable).matches());
    }

    /**
     * True for Quarkus keys fixed at build time: setting them in a Deployment changes nothing (or fails
     * the start), even when application.properties sets them for the build.
     */
    boolean isBuildTimeOnly(String environmentVariable) {
        return buildTimeOnly.contains(environmentVariable);
    }

    /** Map keys ("*") and list indices ("[*]") become wildcards in the environment name. */
    private void addKey(String key) {
        if (!key.contains("*")) {
            exactNames.add(environmentName(key));
            return;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (key.startsWith("[*]", i)) {
                regex.append("_[0-9]+_");
                i += 2;
            } else if (c == '*') {
                regex.append("[A-Z0-9_]+");
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                regex.append(Character.toUpperCase(c));
            } else {
                regex.append('_');
            }
        }
        namePatterns.add(Pattern.compile(regex.toString()));
    }
}
