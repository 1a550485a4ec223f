package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The global incs call budget ({@code incs.rate-limit-per-second}, R) shared by every replica through one
 * PostgreSQL row.
 *
 * <p>Design: calls are spaced evenly, one slot every {@code 1/(R·(1-headroom))} seconds on the database clock.
 * Each call reserves the next free slot with a single atomic upsert on {@code rate_budget} (the row lock
 * serialises replicas) and then waits, without blocking a thread, until its slot before sending. With slots at
 * least {@code 1/R} apart, no window of one second can hold more than R of them, whatever the number of replicas,
 * and unlike a per-replica share no budget is lost when replicas are idle or scaled. The headroom (default 5%)
 * stretches R slots over a bit more than a second, so that network and timer jitter between a slot and the
 * moment incs sees the request (up to about 50 ms) cannot squeeze R+1 requests into one second. Slots are taken
 * immediately before sending (after the in-flight permit), never ahead, because a slot used late would break the
 * spacing. The wait is computed from the database's own clock, so replica clock skew does not matter.
 *
 * <p>Costs one short write per call; R = 0 disables the budget and the database is never touched.
 */
@ApplicationScoped
public class RateBudget {

    static final String BUDGET_NAME = "incs";

    private static final String RESERVE_SLOT = """
            with clock as (select clock_timestamp() as now)
            insert into rate_budget as b (name, next_slot_at)
            select $1, clock.now + make_interval(secs => $2) from clock
            on conflict (name) do update
               set next_slot_at = greatest(b.next_slot_at, (select now from clock)) + make_interval(secs => $2)
            returning ((extract(epoch from (b.next_slot_at - (select now from clock))) - $2) * 1000)::float8
               as wait_millis""";

    private final Pool pool;
    private final double spacingSeconds;

    public RateBudget(Pool pool, IncsConfig config) {
        this.pool = pool;
        this.spacingSeconds = spacing(config.rateLimitPerSecond(), config.rateLimitHeadroom());
    }

    /** Seconds between two slots, 0 when unlimited. */
    static double spacing(double perSecond, double headroom) {
        if (perSecond <= 0) {
            return 0;
        }
        double kept = Math.min(0.5, Math.max(0, headroom));
        return 1.0 / (perSecond * (1 - kept));
    }

    public boolean limited() {
        return spacingSeconds > 0;
    }

    /**
     * Reserves the next slot and completes when it has come; emits how long it waited. Fails if the database
     * cannot be reached, in which case the caller must not send (the budget could not be checked).
     */
    public Uni<Duration> awaitSlot() {
        if (!limited()) {
            return Uni.createFrom().item(Duration.ZERO);
        }
        return pool.preparedQuery(RESERVE_SLOT).execute(Tuple.of(BUDGET_NAME, spacingSeconds))
                .map(rows -> Duration.ofNanos((long) Math.max(0, rows.iterator().next().getDouble(0) * 1_000_000)))
                .chain(wait -> wait.isZero()
                        ? Uni.createFrom().item(wait)
                        : Uni.createFrom().item(wait).onItem().delayIt().by(wait));
    }
}
