package com.lendingops.taskbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The query API, the operator actions and the console; each key is also an env var (BRIDGE_API_...). */
@ConfigMapping(prefix = "bridge.api")
public interface ApiConfig {

    /** Characters of a dead letter's value shown in the list; the rest is cut (BRIDGE_API_DEAD_LETTER_PREVIEW_CHARS). */
    @WithDefault("2000")
    int deadLetterPreviewChars();

    /** Longest wait for Kafka when listing or replaying dead letters (BRIDGE_API_DEAD_LETTER_TIMEOUT). */
    @WithDefault("10s")
    Duration deadLetterTimeout();

    /** How often the console refreshes its live summary (BRIDGE_API_CONSOLE_REFRESH_INTERVAL). */
    @WithDefault("5s")
    Duration consoleRefreshInterval();
}
