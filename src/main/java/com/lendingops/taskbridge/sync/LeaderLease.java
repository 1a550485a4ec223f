package com.lendingops.taskbridge.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One replica's view of a lease row in {@code leader_lease}. A single atomic upsert takes the lease
 * when it is free or expired and extends it when this replica already holds it; the database clock
 * decides expiry, so replicas need no synchronised clocks.
 */
public class LeaderLease {

    private static final Logger LOG = Logger.getLogger(LeaderLease.class);

    private static final String TAKE_OR_RENEW = """
            insert into leader_lease (name, holder, expires_at)
            values ($1, $2, now() + make_interval(secs => $3))
            on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
            where leader_lease.holder = excluded.holder or leader_lease.expires_at < now()
            returning holder""";

    private static final String RELEASE = "delete from leader_lease where name = $1 and holder = $2";

    private final Pool pool;
    private final String name;
    private final String instanceId;
    private final Duration ttl;
    /** System.nanoTime() until which this replica may act as leader; 0 when it does not hold the lease. */
    private volatile long validUntilNanos;

    public LeaderLease(Pool pool, String name, String instanceId, Duration ttl) {
        this.pool = pool;
        this.name = name;
        this.instanceId = instanceId;
        this.ttl = ttl;
    }

    /**
     * Takes or renews the lease; emits whether this replica holds it now. The local deadline is
     * counted from before the statement was sent, so it never outlives the row's expiry.
     */
    public Uni<Boolean> takeOrRenew() {
        long sentAt = System.nanoTime();
        boolean wasLeader = isLeader();
        return pool.preparedQuery(TAKE_OR_RENEW)
                .execute(Tuple.of(name, instanceId, ttl.toMillis() / 1000.0))
                .map(rows -> {
                    boolean held = rows.size() > 0;
                    validUntilNanos = held ? sentAt + ttl.toNanos() : 0;
                    if (held != wasLeader) {
                        LOG.infof("lease %s %s by %s", name, held ? "taken" : "lost", instanceId);
                    }
                    return held;
                })
                .onFailure().invoke(e -> LOG.warnf("lease %s could not be renewed by %s: %s", name, instanceId,
                        e.getMessage()));
    }

    /** Gives the lease up so that another replica can take it at once (graceful shutdown). */
    public Uni<Void> release() {
        validUntilNanos = 0;
        return pool.preparedQuery(RELEASE).execute(Tuple.of(name, instanceId)).replaceWithVoid();
    }

    /** True while the lease taken or renewed last is still valid by this replica's clock. */
    public boolean isLeader() {
        long until = validUntilNanos;
        return until != 0 && System.nanoTime() - until < 0;
    }

    public String instanceId() {
        return instanceId;
    }
}
