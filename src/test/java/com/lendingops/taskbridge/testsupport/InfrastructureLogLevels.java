package com.lendingops.taskbridge.testsupport;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the in-JVM Kafka broker (and the embedded PostgreSQL) at WARN. Its INFO output (thousands of lines per start) would bury the test logs.
 * Broker-side categories are listed, so the application's own Kafka clients keep their normal levels.
 */
final class InfrastructureLogLevels {

    /** Broker-side logger categories (Scala server classes live under {@code kafka.}). */
    static final List<String> CATEGORIES = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.common.test",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            // Logs every config object in full (the broker's three times per start); in tests that includes the
            // clients' config dumps too, which nobody reads there either.
            "org.apache.kafka.common.config.AbstractConfig",
            // The embedded PostgreSQL echoes initdb and server output at INFO.
            "io.zonky.test");

    // Held strongly: java.util.logging may otherwise collect a logger and forget the level set on it.
    private static final List<Logger> QUIETED = CATEGORIES.stream().map(Logger::getLogger).toList();

    private InfrastructureLogLevels() {
    }

    static void quiet() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
