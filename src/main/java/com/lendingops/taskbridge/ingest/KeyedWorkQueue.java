package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.context.FreshContexts;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.logging.LogFields;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs ingest work concurrently across keys (case ids) and strictly one after another within a key, with
 * at most {@code bridge.ingest.max-pending} units admitted at once.
 * <p>
 * Each key has a lane: the first unit starts at once, later units of the same key wait in the lane until
 * the one before them has finished (its outcome is stored), so consecutive events of one case reach incs
 * in order. Units of different keys run in parallel, each on a fresh Vert.x context; the incs client then
 * bounds the concurrent HTTP calls (INCS_MAX_IN_FLIGHT) and the rate budget. Admission is the back-pressure:
 * {@link #submit} returns a Uni that completes only when there is room, and the Kafka consumer does not ask
 * for the next record before that, so a slow incs or database slows intake instead of filling memory.
 * {@link #trySubmit} never waits (used by the retry scheduler, which simply tries again on its next tick)
 * and refuses a unit whose id is already admitted here, so one request is never worked on twice at once.
 * Intake never holds more than {@code max-pending} less the scheduler's reserved share, so the scheduler always
 * finds room for recoveries and deferred requests, even during a Kafka backlog.
 */
@ApplicationScoped
public class KeyedWorkQueue {

    private static final Logger LOG = Logger.getLogger(KeyedWorkQueue.class);

    private final int capacity;
    /** Admissions that {@link #submit} (Kafka intake) may use; the rest is kept for {@link #trySubmit}. */
    private final int intakeCapacity;
    private final FreshContexts contexts;
    private final Map<String, ArrayDeque<Unit>> lanes = new HashMap<>();
    private final ArrayDeque<Waiting> admissionQueue = new ArrayDeque<>();
    private final Map<String, Integer> admittedIds = new HashMap<>();
    private int admitted;
    private int intakeAdmitted;

    @Inject
    public KeyedWorkQueue(IngestConfig config, FreshContexts contexts) {
        this(config.maxPending(), reserved(config.maxPending(), config.schedulerReservedShare()), contexts);
    }

    KeyedWorkQueue(int capacity, FreshContexts contexts) {
        this(capacity, 0, contexts);
    }

    KeyedWorkQueue(int capacity, int reservedForScheduler, FreshContexts contexts) {
        this.capacity = Math.max(1, capacity);
        this.intakeCapacity = Math.max(1, this.capacity - Math.max(0, reservedForScheduler));
        this.contexts = contexts;
    }

    /** Slots kept for the scheduler: the share of max-pending, at least one when there are two slots or more. */
    static int reserved(int capacity, double share) {
        if (capacity < 2 || share <= 0) {
            return 0;
        }
        return (int) Math.min(capacity - 1, Math.max(1, Math.ceil(capacity * share)));
    }

    /** Completes once the unit is admitted (maybe much later); the unit itself runs after that. */
    public Uni<Void> submit(String key, String id, Supplier<Uni<Void>> work) {
        Unit unit = new Unit(key, id, work, true);
        return Uni.createFrom().emitter(emitter -> {
            boolean admittedNow;
            synchronized (this) {
                admittedNow = intakeRoom() && admissionQueue.isEmpty();
                if (admittedNow) {
                    admit(unit);
                } else {
                    admissionQueue.add(new Waiting(unit, () -> emitter.complete(null)));
                }
            }
            if (admittedNow) {
                enqueue(unit);
                emitter.complete(null);
            }
        });
    }

    /** Admits the unit only if there is room now and no unit with the same id is admitted. */
    public boolean trySubmit(String key, String id, Supplier<Uni<Void>> work) {
        Unit unit = new Unit(key, id, work, false);
        synchronized (this) {
            if (admitted >= capacity || admittedIds.containsKey(id)) {
                return false;
            }
            admit(unit);
        }
        enqueue(unit);
        return true;
    }

    /** Units admitted and not finished: the ingest in-flight count. */
    public synchronized int inFlight() {
        return admitted;
    }

    /** Units intake could have admitted right now. */
    public synchronized int freeSlots() {
        return admissionQueue.isEmpty() ? Math.max(0, Math.min(intakeCapacity - intakeAdmitted, capacity - admitted)) : 0;
    }

    /**
     * Units the scheduler may admit right now: any free slot; intake never holds more than its share, so the reserved
     * slots are free whenever the scheduler does not use them itself.
     */
    public synchronized int freeSlotsForScheduler() {
        return Math.max(0, capacity - admitted);
    }

    private boolean intakeRoom() {
        return admitted < capacity && intakeAdmitted < intakeCapacity;
    }

    private void admit(Unit unit) {
        admitted++;
        if (unit.fromIntake) {
            intakeAdmitted++;
        }
        admittedIds.merge(unit.id, 1, Integer::sum);
    }

    private void enqueue(Unit unit) {
        boolean startNow;
        synchronized (this) {
            ArrayDeque<Unit> lane = lanes.get(unit.key);
            startNow = lane == null;
            if (startNow) {
                lanes.put(unit.key, new ArrayDeque<>());
            } else {
                lane.add(unit);
            }
        }
        if (startNow) {
            start(unit);
        }
    }

    /** Every line logged by the unit carries its event and case id (MDC on the unit's own duplicated context). */
    private void start(Unit unit) {
        contexts.run(() -> {
            LogFields.request(unit.id, unit.key);
            return unit.work.get();
        }).subscribe().with(ok -> finished(unit), failure -> {
            LOG.errorf(failure, "ingest work %s failed; the retry scheduler will pick it up", unit.id);
            finished(unit);
        });
    }

    private void finished(Unit unit) {
        Unit next;
        Waiting admission = null;
        synchronized (this) {
            admitted--;
            if (unit.fromIntake) {
                intakeAdmitted--;
            }
            admittedIds.computeIfPresent(unit.id, (id, count) -> count > 1 ? count - 1 : null);
            ArrayDeque<Unit> lane = lanes.get(unit.key);
            next = lane.poll();
            if (next == null) {
                lanes.remove(unit.key);
            }
            if (!admissionQueue.isEmpty() && intakeRoom()) {
                admission = admissionQueue.poll();
                admit(admission.unit);
            }
        }
        if (next != null) {
            start(next);
        }
        if (admission != null) {
            enqueue(admission.unit);
            admission.onAdmitted.run();
        }
    }

    private record Unit(String key, String id, Supplier<Uni<Void>> work, boolean fromIntake) {
    }

    private record Waiting(Unit unit, Runnable onAdmitted) {
    }
}
