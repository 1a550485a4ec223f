package com.lendingops.taskbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the outbox relay publishes pending events to Kafka and when published rows are pruned.
 * Keys are under {@code bridge.outbox}; each is also an environment variable (e.g. BRIDGE_OUTBOX_TOPIC).
 * Producer settings (acks, idempotence, timeouts) live on the {@code task-events} channel.
 */
@ConfigMapping(prefix = "bridge.outbox")
public interface OutboxConfig {

    /** Whether the relay and the pruning run (BRIDGE_OUTBOX_ENABLED). */
    @WithDefault("true")
    boolean enabled();

    /** Topic the task events are published to (BRIDGE_OUTBOX_TOPIC). */
    @WithDefault("collection-task-events")
    String topic();

    /** The {@code ce_source} of every published CloudEvent (BRIDGE_OUTBOX_SOURCE). */
    @WithDefault("/collection-task-bridge")
    String source();

    /** How often the leader looks for pending rows (BRIDGE_OUTBOX_POLL_INTERVAL). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Pending rows read per relay pass (BRIDGE_OUTBOX_BATCH_SIZE). */
    @WithDefault("100")
    int batchSize();

    /**
     * First pause after Kafka refused a row (for its key) or every row of a pass (for the whole relay); doubles
     * per failure (BRIDGE_OUTBOX_BACKOFF_INITIAL).
     */
    @WithDefault("1s")
    Duration backoffInitial();

    /** Longest pause between two attempts while Kafka keeps failing (BRIDGE_OUTBOX_BACKOFF_MAX). */
    @WithDefault("30s")
    Duration backoffMax();

    /**
     * Attempts after which a row Kafka refuses for good (record too large, not authorised) is parked: set aside,
     * counted in {@code outbox_parked}, no longer blocking its key (BRIDGE_OUTBOX_PARK_AFTER_ATTEMPTS).
     */
    @WithDefault("5")
    int parkAfterAttempts();

    /** How long published rows are kept before pruning (BRIDGE_OUTBOX_RETENTION). */
    @WithDefault("P7D")
    Duration retention();

    /** How often published rows older than the retention are pruned (BRIDGE_OUTBOX_PRUNE_INTERVAL). */
    @WithDefault("1h")
    Duration pruneInterval();

    /** How often the pending count and lag gauges are refreshed (BRIDGE_OUTBOX_METRICS_INTERVAL). */
    @WithDefault("5s")
    Duration metricsInterval();
}
