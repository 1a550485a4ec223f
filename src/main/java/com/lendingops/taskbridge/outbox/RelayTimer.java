package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.config.OutboxConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import jakarta.enterprise.event.Observes;

/**
 * Wakes the relay every poll interval on a Vert.x timer: sub-second, which the Quarkus simple
 * scheduler (one-second resolution) cannot do. A pass still running makes the next tick a no-op.
 */
@ApplicationScoped
public class RelayTimer {

    private static final Logger LOG = Logger.getLogger(RelayTimer.class);

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private volatile long timerId = -1;

    public RelayTimer(Vertx vertx, OutboxRelay relay, OutboxConfig config) {
        this.vertx = vertx;
        this.relay = relay;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(),
                    id -> relay.tick().subscribe().with(ignored -> { },
                            e -> LOG.warnf("outbox relay tick failed: %s", e.getMessage())));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
