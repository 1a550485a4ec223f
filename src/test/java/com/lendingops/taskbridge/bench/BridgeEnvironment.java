package com.lendingops.taskbridge.bench;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of the packaged bridge in one scenario: production defaults except the scenario's
 * INCS_MAX_IN_FLIGHT and INCS_RATE_LIMIT_PER_SECOND, its own topics and database, and the sync job off, so the
 * only incs calls are the creates being measured (the sync's list calls would otherwise take in-flight
 * permits and budget slots at moments that differ from run to run).
 */
final class BridgeEnvironment {

    private BridgeEnvironment() {
    }

    static Map<String, String> of(Scenario scenario, ScenarioTopics topics, String bootstrapServers,
                                  ScenarioDatabase database, String username, String password,
                                  IncsSimulator simulator) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("BRIDGE_INGEST_TOPIC", topics.input());
        env.put("BRIDGE_INGEST_DEAD_LETTER_TOPIC", topics.deadLetter());
        env.put("BRIDGE_OUTBOX_TOPIC", topics.output());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", username);
        if (!password.isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        }
        env.put("INCS_API_URL", simulator.baseUrl());
        env.put("INCS_API_TOKEN", simulator.token());
        env.put("INCS_AUTH_ID", "30058");
        env.put("INCS_MODULE_ID", "019d3dcd-f5a8-70e7-aff8-c54bde267f38");
        env.put("INCS_MAX_IN_FLIGHT", Integer.toString(scenario.maxInFlight()));
        env.put("INCS_RATE_LIMIT_PER_SECOND", Integer.toString(scenario.ratePerSecond()));
        env.put("BRIDGE_SYNC_SCHEDULED", "false");
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "10s");
        return env;
    }
}
