package com.lendingops.taskbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long customers' personal data of finished requests is kept: after the retention period the request body, the
 * phones and the task name are redacted, in batches, by a scheduled job. Keys are under {@code bridge.retention}; each
 * is also an environment variable (e.g. BRIDGE_RETENTION_PERIOD).
 */
@ConfigMapping(prefix = "bridge.retention")
public interface RetentionConfig {

    /** Whether the redaction job runs on its own schedule; tests switch it off (BRIDGE_RETENTION_SCHEDULED). */
    @WithDefault("true")
    boolean scheduled();

    /**
     * How long a finished request keeps its body, phones and task name, counted from its last change (for a created
     * request, the later of that and its task's end) (BRIDGE_RETENTION_PERIOD).
     */
    @WithDefault("P90D")
    Duration period();

    /** Requests redacted per transaction; a run repeats batches until none is left (BRIDGE_RETENTION_BATCH_SIZE). */
    @WithDefault("500")
    int batchSize();

    /** How often the redaction job looks for requests past the retention period (BRIDGE_RETENTION_INTERVAL). */
    @WithDefault("1h")
    Duration interval();
}
