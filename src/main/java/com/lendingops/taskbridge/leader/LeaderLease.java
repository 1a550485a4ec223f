package com.lendingops.taskbridge.leader;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One replica's view of a lease row in {@code leader_lease}. A single atomic upsert takes the lease
 * when it is free or expired and extends it when this replica already holds it; the database clock
 * decides expiry, so replicas need no synchronised clocks. Every change of holder increments {@code epoch}: the
 * fencing token that the sync's recording transactions and the relay's "mark published" check, so a replica that
 * stalled past its lease while another took over can no longer write anything ({@link LeaseFence}). A holder
 * that takes its own expired lease back keeps the epoch: nobody else acted in between (anyone who did changed
 * the holder, and so the epoch).
 */
public class LeaderLease {

    private static final Logger LOG = Logger.getLogger(LeaderLease.class);

    private static final String TAKE_OR_RENEW = """
            insert into leader_lease (name, holder, expires_at, epoch)
            values ($1, $2, now() + make_interval(secs => $3), 1)
            on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at,
              epoch = case when leader_lease.holder = excluded.holder then leader_lease.epoch
                           else leader_lease.epoch + 1 end
            where leader_lease.holder = excluded.holder or leader_lease.expires_at < now()
            returning holder, epoch""";

    /** Expires the row instead of deleting it, so the epoch keeps growing across releases. */
    private static final String RELEASE =
            "update leader_lease set expires_at = now() - interval '1 millisecond' where name = $1 and holder = $2";

    private final Pool pool;
    private final String name;
    private final String instanceId;
    private final Duration ttl;
    /** System.nanoTime() until which this replica may act as leader; 0 when it does not hold the lease. */
    private volatile long validUntilNanos;
    /** The tenure this replica holds (valid only while {@link #isLeader()}). */
    private volatile LeaseFence fence;

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
                    RowIterator<Row> it = rows.iterator();
                    boolean held = it.hasNext();
                    if (held) {
                        long epoch = it.next().getLong("epoch");
                        LeaseFence previous = fence;
                        if (previous == null || previous.epoch() != epoch) {
                            fence = new LeaseFence(name, instanceId, epoch);
                        }
                    }
                    validUntilNanos = held ? sentAt + ttl.toNanos() : 0;
                    if (held != wasLeader) {
                        LOG.infof("lease %s %s by %s (epoch %s)", name, held ? "taken" : "lost", instanceId,
                                held ? fence.epoch() : "-");
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

    /** The current tenure while this replica leads; empty otherwise. */
    public Optional<LeaseFence> currentFence() {
        LeaseFence current = fence;
        return isLeader() && current != null ? Optional.of(current) : Optional.empty();
    }

    /**
     * True while this replica still leads under the given tenure: the check between two steps (pages, tasks,
     * records) of work started under it. A lease lost, or lost and taken again, ends that work.
     */
    public boolean stillHolds(LeaseFence started) {
        return currentFence().map(started::equals).orElse(false);
    }

    public String name() {
        return name;
    }

    public String instanceId() {
        return instanceId;
    }
}
