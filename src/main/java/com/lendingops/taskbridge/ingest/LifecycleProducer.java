package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the pure {@link RequestLifecycle} a bean, with the service's clock and the configured timing. */
public class LifecycleProducer {

    @Produces
    @Singleton
    RequestLifecycle lifecycle(Clock clock, IngestConfig config) {
        return new RequestLifecycle(clock, LifecycleTiming.of(config));
    }
}
