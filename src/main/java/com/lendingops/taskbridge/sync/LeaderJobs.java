package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.config.OutboxConfig;
import com.lendingops.taskbridge.config.SyncConfig;
import com.lendingops.taskbridge.outbox.OutboxMetrics;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.outbox.OutboxPruner;
import com.lendingops.taskbridge.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The periodic work around the sync: keeping the lease, running cycles while leader, pruning the
 * outbox and refreshing its gauges. Every replica renews the lease; only the holder does the rest.
 * Intervals come from {@link SyncConfig} and {@link OutboxConfig}.
 */
@ApplicationScoped
public class LeaderJobs {

    private static final Logger LOG = Logger.getLogger(LeaderJobs.class);

    private final LeaderLease lease;
    private final SyncCycle syncCycle;
    private final SyncConfig config;
    private final OutboxPruner pruner;
    private final OutboxMetrics outboxMetrics;
    private final OutboxRelay relay;
    /** Set on shutdown: a renewal after the release would take the lease back for a dying replica. */
    private volatile boolean stopping;

    public LeaderJobs(LeaderLease lease, SyncCycle syncCycle, SyncConfig config, OutboxPruner pruner,
                      OutboxMetrics outboxMetrics, OutboxRelay relay) {
        this.relay = relay;
        this.lease = lease;
        this.syncCycle = syncCycle;
        this.config = config;
        this.pruner = pruner;
        this.outboxMetrics = outboxMetrics;
    }

    /** A replica that just took the lease syncs at once, so a dead leader's work resumes without waiting an interval. */
    @Scheduled(identity = "leader-lease", every = "${bridge.sync.lease.renew-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> renewLease() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        boolean wasLeader = lease.isLeader();
        return lease.takeOrRenew()
                .invoke(leader -> {
                    if (leader && !wasLeader && config.scheduled()) {
                        syncCycle.runIfLeader().subscribe().with(report -> { },
                                e -> LOG.warnf("sync cycle after taking the lease failed: %s", e.getMessage()));
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    @Scheduled(identity = "task-sync", every = "${bridge.sync.interval}", delayed = "${bridge.sync.initial-delay}",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = SyncNotScheduled.class)
    Uni<Void> syncTasks() {
        return syncCycle.runIfLeader().replaceWithVoid().onFailure().recoverWithNull();
    }

    @Scheduled(identity = "outbox-prune", every = "${bridge.outbox.prune-interval}",
            delayed = "${bridge.outbox.prune-interval}", concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = OutboxDisabled.class)
    Uni<Void> pruneOutbox() {
        if (!lease.isLeader()) {
            return Uni.createFrom().voidItem();
        }
        return pruner.prune()
                .invoke(deleted -> LOG.debugf("pruned %d published outbox rows", deleted))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    @Scheduled(identity = "outbox-metrics", every = "${bridge.outbox.metrics-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> refreshOutboxMetrics() {
        return outboxMetrics.refresh().onFailure().recoverWithNull();
    }

    /**
     * Hands the lease over at once on a graceful stop instead of letting it expire: first stops the running sync
     * cycle and relay pass at their next step and waits for them, so nothing of this tenure is still writing when
     * another replica takes over.
     */
    void releaseLease(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            Uni.join().all(syncCycle.stop(), relay.stop()).andCollectFailures().await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warnf("sync cycle or relay pass still running at shutdown: %s", e.getMessage());
        }
        try {
            lease.release().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("lease not released on shutdown, it expires by itself: %s", e.getMessage());
        }
    }

    /** Skips scheduled cycles when {@code bridge.sync.scheduled=false} (tests trigger cycles themselves). */
    @Singleton
    public static class SyncNotScheduled implements Scheduled.SkipPredicate {
        private final SyncConfig config;

        public SyncNotScheduled(SyncConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.scheduled();
        }
    }

    /** Skips pruning when the outbox relay is switched off. */
    @Singleton
    public static class OutboxDisabled implements Scheduled.SkipPredicate {
        private final OutboxConfig config;

        public OutboxDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
