package com.lendingops.taskbridge.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The UTC system clock for beans that take an injected {@link Clock}. A default bean, so tests (or another
 * producer) can replace it without an ambiguity.
 */
@ApplicationScoped
public class SystemClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
