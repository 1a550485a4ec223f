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
 * and unlike a per-replica share no budget is lost when replicas are idle or scaled. The wait is computed from
 * the database's own clock, so replica clock skew does not matter.
 *
 * <p>Jitter: what incs counts is arrivals, not slots. The headroom (default 10%) stretches R slots over about
 * 110 ms more than a second, so that delays between a slot and the arrival cannot squeeze R+1 requests into one
 * second. Half of that margin is for this service's own lateness: a call that reaches its slot later than that
 * gives the slot up and reserves another; the other half is for the network. Slots are taken immediately before
 * sending (after the in-flight permit), never ahead, because a slot used late would break the spacing.
 *
 * <p>Costs one short write per call, issued one at a time per replica: concurrent reservations would only queue
 * on the same row lock while holding connections the rest of the service needs. R = 0 disables the budget and
 * the database is never touched.
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

    /** Slots a call may give up for being reached too late before it fails instead of sending. */
    private static final int MAX_RESERVATIONS = 5;

    private final Pool pool;
    private final double spacingSeconds;
    private final long lateToleranceNanos;
    private final InFlightLimiter oneReservationAtATime = new InFlightLimiter(1);

    public RateBudget(Pool pool, IncsConfig config) {
        this.pool = pool;
        this.spacingSeconds = spacing(config.rateLimitPerSecond(), config.rateLimitHeadroom());
        this.lateToleranceNanos = (long) (slackSeconds(config.rateLimitPerSecond(), spacingSeconds) / 2 * 1e9);
    }

    /**
     * Seconds between two slots, 0 when unlimited. "R per second" allows floor(R) calls in a second (R below 1:
     * one call per 1/R seconds), so floor(R) intervals must span more than a second.
     */
    static double spacing(double perSecond, double headroom) {
        if (perSecond <= 0) {
            return 0;
        }
        double kept = Math.min(0.5, Math.max(0, headroom));
        return 1.0 / (callsPerWindow(perSecond) * (1 - kept));
    }

    /** How much longer than one second the slots of a full window span: the jitter the spacing absorbs. */
    static double slackSeconds(double perSecond, double spacing) {
        return perSecond <= 0 ? 0 : spacing * Math.max(1, callsPerWindow(perSecond)) - 1;
    }

    private static double callsPerWindow(double perSecond) {
        return perSecond >= 1 ? Math.floor(perSecond) : perSecond;
    }

    public boolean limited() {
        return spacingSeconds > 0;
    }

    /**
     * Reserves the next slot and completes when it has come; emits how long the caller waited. Half of the slack
     * is allowed for this service's own lateness (timer, event loop, database round trip), half is left for the
     * network: a slot reached later than that is given up and a new one reserved. Fails if the database cannot be
     * reached or no slot could be met, in which case the caller must not send.
     */
    public Uni<Duration> awaitSlot() {
        if (!limited()) {
            return Uni.createFrom().item(Duration.ZERO);
        }
        long started = System.nanoTime();
        return reserveUntilOnTime(MAX_RESERVATIONS).map(ignored -> Duration.ofNanos(System.nanoTime() - started));
    }

    private Uni<Void> reserveUntilOnTime(int reservationsLeft) {
        return oneReservationAtATime.withPermit(this::reserve)
                // Vert.x timers cannot be shorter than 1 ms; sub-millisecond waits come from interval rounding
                .chain(slot -> slot.waitNanos() < 1_000_000
                        ? Uni.createFrom().item(slot)
                        : Uni.createFrom().item(slot).onItem().delayIt().by(Duration.ofNanos(slot.waitNanos())))
                .chain(slot -> {
                    // the database's "now" lies between issuing and receiving: measuring from the issue is the
                    // pessimistic reading of how late the slot is being used
                    long lateness = System.nanoTime() - (slot.issuedNanos() + slot.waitNanos());
                    if (lateness <= lateToleranceNanos) {
                        return Uni.createFrom().voidItem();
                    }
                    if (reservationsLeft <= 1) {
                        return Uni.createFrom().failure(new IllegalStateException("no rate slot could be met in time"));
                    }
                    return reserveUntilOnTime(reservationsLeft - 1);
                });
    }

    private Uni<Reservation> reserve() {
        return pool.withConnection(connection -> {
            // stamped once the reservation is ours to send: time spent queueing behind other reservations or for
            // a pooled connection is not lateness, and counting it made calls give up slots they were on time for
            long issued = System.nanoTime();
            return connection.preparedQuery(RESERVE_SLOT).execute(Tuple.of(BUDGET_NAME, spacingSeconds))
                    .map(rows -> new Reservation(issued,
                            (long) Math.max(0, rows.iterator().next().getDouble(0) * 1_000_000)));
        });
    }

    /** A slot as reserved: when its query was issued and how long after the answer the slot begins. */
    private record Reservation(long issuedNanos, long waitNanos) {
    }
}
