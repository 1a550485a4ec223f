package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 * second. Half of that margin is for this service's own lateness, up to the moment the request is written:
 * {@link Slot#onTime()} says whether the slot may still be used, and the caller asks it immediately before
 * writing (after taking its connection, whose set-up can be slow); a slot reached later than that is given up.
 * The other half is for the network. Slots are taken immediately before sending (after the in-flight permit),
 * never ahead, because a slot used late would break the spacing.
 *
 * <p>Costs one short write per call, issued one at a time per replica: concurrent reservations would only queue
 * on the same row lock while holding connections the rest of the service needs. R = 0 disables the budget and
 * the database is never touched.
 */
@ApplicationScoped
public class RateBudget {

    static final String BUDGET_NAME = "incs";

    /**
     * One statement, its own transaction. The slot is usable only while the answer comes back within the late
     * tolerance (about 55 ms) of the statement being issued, so the commit must not wait for the WAL to reach disk:
     * with fsync under disk pressure (seen in CI right after a test suite) every answer came too late, every slot
     * was given up and nothing was ever sent. {@code synchronous_commit} is off for this transaction only: a
     * reservation can be lost only if PostgreSQL itself crashes within a fraction of a second of it.
     */
    private static final String RESERVE_SLOT = """
            with clock as (select clock_timestamp() as now,
                                  set_config('synchronous_commit', 'off', true) as no_flush_wait)
            insert into rate_budget as b (name, next_slot_at)
            select $1, clock.now + make_interval(secs => $2) from clock
            on conflict (name) do update
               set next_slot_at = greatest(b.next_slot_at, (select now from clock)) + make_interval(secs => $2)
               where greatest(b.next_slot_at, (select now from clock))
                   <= (select now from clock) + make_interval(secs => $3)
            returning ((extract(epoch from (b.next_slot_at - (select now from clock))) - $2) * 1000)::float8
               as wait_millis""";

    /** Longest wait asked for when the caller has no deadline (about a year: no limit in practice). */
    private static final double NO_DEADLINE_SECONDS = 365 * 24 * 3600.0;

    /** Slots a call may give up for being reached too late before it fails instead of sending. */
    private static final int MAX_RESERVATIONS = 5;

    private final Pool pool;
    private final double spacingSeconds;
    private final long lateToleranceNanos;
    private final InFlightLimiter oneReservationAtATime = new InFlightLimiter(1);
    private final RateBudgetPressure pressure;

    public RateBudget(Pool pool, IncsConfig config, RateBudgetPressure pressure) {
        this.pool = pool;
        this.pressure = pressure;
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
     * Reserves the next slot and completes when it has come. Half of the slack is allowed for this service's own
     * lateness (timer, event loop, database round trip), half is left for the network: a slot reached later than
     * that is given up and a new one reserved. The caller must check {@link Slot#onTime()} again immediately
     * before writing its request. Empty when no slot can be used in time: the next one would come after
     * {@code sendBy}, or {@value #MAX_RESERVATIONS} slots in a row were reached too late. Fails only if the database
     * cannot be reached. In every such case the caller must not send.
     * <p>
     * {@code sendBy} bounds the reservation itself: a slot that would come after it is never taken (the item is
     * then empty). A call that could not use its slot would otherwise still consume it, and with many replicas
     * queueing for a tight budget every slot would go to a call whose claim had ended by then: nothing would ever
     * be sent (observed with three replicas at 2/s and a 5 s claim).
     */
    Uni<Optional<Slot>> awaitSlot(Instant sendBy, Clock clock) {
        if (!limited()) {
            return Uni.createFrom().item(Optional.of(Slot.UNLIMITED));
        }
        return reserveUntilOnTime(sendBy, clock, MAX_RESERVATIONS);
    }

    private Uni<Optional<Slot>> reserveUntilOnTime(Instant sendBy, Clock clock, int reservationsLeft) {
        return oneReservationAtATime.withPermit(() -> reserve(maxWaitSeconds(sendBy, clock)))
                .chain(reserved -> reserved.isEmpty() ? Uni.createFrom().item(reserved)
                        : untilDue(reserved.get()).chain(slot -> {
                            if (slot.onTime()) {
                                return Uni.createFrom().item(Optional.of(slot));
                            }
                            if (reservationsLeft <= 1) {
                                // this replica is too late for its slots (a pause, a loaded machine): nothing is
                                // sent, and that is not a failure of incs or of the request (no backoff grows)
                                return Uni.createFrom().item(Optional.<Slot>empty());
                            }
                            return reserveUntilOnTime(sendBy, clock, reservationsLeft - 1);
                        }));
    }

    private static double maxWaitSeconds(Instant sendBy, Clock clock) {
        if (sendBy.equals(Instant.MAX)) {
            return NO_DEADLINE_SECONDS;
        }
        double seconds = Duration.between(clock.instant(), sendBy).toNanos() / 1e9;
        return Math.min(NO_DEADLINE_SECONDS, seconds);
    }

    private Uni<Optional<Slot>> reserve(double maxWaitSeconds) {
        if (maxWaitSeconds < 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.withConnection(connection -> {
            // stamped once the reservation is ours to send: time spent queueing behind other reservations or for
            // a pooled connection is not lateness. The database's "now" lies between this instant and the answer:
            // waiting from the answer never sends early, measuring lateness from here is the pessimistic reading.
            long issued = System.nanoTime();
            return connection.preparedQuery(RESERVE_SLOT)
                    .execute(Tuple.of(BUDGET_NAME, spacingSeconds, maxWaitSeconds))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            pressure.noSlotInTime();
                            return Optional.<Slot>empty(); // the next free slot comes after the caller's deadline
                        }
                        long waitNanos = (long) Math.max(0, rows.iterator().next().getDouble(0) * 1_000_000);
                        pressure.slotReserved(Duration.ofNanos(waitNanos));
                        return Optional.of(new Slot(System.nanoTime() + waitNanos,
                                issued + waitNanos + lateToleranceNanos));
                    });
        });
    }

    private static Uni<Slot> untilDue(Slot slot) {
        long waitNanos = slot.dueNanos() - System.nanoTime();
        // Vert.x timers (behind Mutiny's delays in Quarkus) cannot be shorter than 1 ms
        return waitNanos < 1_000_000 ? Uni.createFrom().item(slot)
                : Uni.createFrom().item(slot).onItem().delayIt().by(Duration.ofNanos(waitNanos));
    }

    /**
     * A reserved slot on this JVM's {@link System#nanoTime()} clock: due at {@code dueNanos} (sending earlier would
     * break the spacing) and usable until {@code sendByNanos} (sending later would eat into the network's margin).
     */
    record Slot(long dueNanos, long sendByNanos) {

        /** The slot of an unlimited budget: always due and always on time. */
        static final Slot UNLIMITED = new Slot(Long.MIN_VALUE, Long.MAX_VALUE);

        /** Whether a request written at this instant still uses its slot on time. */
        boolean onTime() {
            return this == UNLIMITED || System.nanoTime() - sendByNanos <= 0;
        }

        /** How long ago the slot became due (0 for the unlimited one). */
        long microsSinceDue() {
            return this == UNLIMITED ? 0 : (System.nanoTime() - dueNanos) / 1_000;
        }
    }
}
