package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.bench.ScenarioDatabase;
import com.lendingops.taskbridge.simulator.SimulatorProcess;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of the bridge in a trial: production code, configured only through environment variables, with
 * timings shortened so a trial's faults and recoveries fit in a minute (request timeout 2 s, lease TTL 4 s, sync
 * every 2 s, retries from 200 ms, consumer session 10 s, reconciliation settle time 10 s: a request whose attempt
 * was in flight is looked up 10 s after its claim ended instead of 30 s, still more than three times the slowest
 * answer a fault injects, 3 s); incs is reached through the fault gateway.
 */
final class BridgeSettings {

    private BridgeSettings() {
    }

    static Map<String, String> of(TrialSpec spec, TrialTopics topics, String bootstrapServers,
                                  ScenarioDatabase database, TestPostgres postgres, String incsUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("BRIDGE_INGEST_TOPIC", topics.input());
        env.put("BRIDGE_INGEST_DEAD_LETTER_TOPIC", topics.deadLetter());
        env.put("BRIDGE_OUTBOX_TOPIC", topics.output());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        if (!postgres.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        env.put("INCS_API_URL", incsUrl);
        env.put("INCS_API_TOKEN", SimulatorProcess.token());
        env.put("INCS_AUTH_ID", "30058");
        env.put("INCS_MODULE_ID", "019d3dcd-f5a8-70e7-aff8-c54bde267f38");
        env.put("INCS_RATE_LIMIT_PER_SECOND", Integer.toString(spec.ratePerSecond()));
        env.put("INCS_MAX_IN_FLIGHT", "16");
        env.put("INCS_REQUEST_TIMEOUT", "2s");
        env.put("INCS_CIRCUIT_OPEN_DELAY", "2s");
        env.put("INCS_PROBE_INTERVAL", "1s");
        env.put("INCS_LIST_RETRY_INITIAL_BACKOFF", "100ms");
        env.put("BRIDGE_INGEST_RETRY_INITIAL_DELAY", "200ms");
        env.put("BRIDGE_INGEST_RETRY_MAX_DELAY", "3s");
        env.put("BRIDGE_INGEST_RETRY_POLL_INTERVAL", "1s");
        env.put("BRIDGE_INGEST_RETRY_PROBE_INTERVAL", "1s");
        env.put("BRIDGE_INGEST_RETRY_CLAIM_DURATION", spec.claim().toSeconds() + "s");
        env.put("BRIDGE_INGEST_DEFER_INITIAL_DELAY", "500ms");
        env.put("BRIDGE_INGEST_DEFER_MAX_DELAY", "2s");
        env.put("BRIDGE_INGEST_DEFER_OWN_TASK_RECHECK", "3s");
        env.put("BRIDGE_INGEST_RECONCILE_WINDOW", "1m");
        env.put("BRIDGE_INGEST_RECONCILE_SETTLE_TIME", "10s");
        env.put("BRIDGE_SYNC_INTERVAL", "2s");
        env.put("BRIDGE_SYNC_INITIAL_DELAY", "1s");
        env.put("BRIDGE_SYNC_LEASE_TTL", "4s");
        env.put("BRIDGE_SYNC_LEASE_RENEW_INTERVAL", "1s");
        env.put("BRIDGE_OUTBOX_POLL_INTERVAL", "200ms");
        env.put("BRIDGE_OUTBOX_BACKOFF_INITIAL", "200ms");
        env.put("BRIDGE_OUTBOX_BACKOFF_MAX", "3s");
        env.put("BRIDGE_OUTBOX_METRICS_INTERVAL", "1s");
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "5s");
        // a killed replica's partitions go to the others when its consumer session expires: 10 s instead of Kafka's
        // 45 s default (the broker's minimum is 6 s), so intake after a kill -9 resumes within a short trial
        env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        // each incs request written, with its instant: the rate judge compares them with the arrivals
        env.put("QUARKUS_LOG_CATEGORY__COM_LENDINGOPS_TASKBRIDGE_INCS_WRITES__LEVEL", "DEBUG");
        return env;
    }
}
