package com.lendingops.taskbridge.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now" for the service: every type that needs the time injects this {@link Clock} instead of
 * calling a static {@code now()}, so that rules depending on time can be tested with a fixed or stepping clock.
 * A {@link DefaultBean}: a test (or a later profile) replaces it by producing a {@code Clock} of its own.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
