package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseFence;
import com.lendingops.taskbridge.outbox.EventOrigin;
import com.lendingops.taskbridge.tracing.TraceParents;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import java.util.function.BooleanSupplier;

/**
 * One cycle's right to go on: the lease tenure it started under, still held, and no shutdown under way. Checked
 * before every page, lookup and recording transaction, so a replica that lost the lease (or is stopping) stops
 * within one step; the recording transactions additionally check the fence in the database.
 */
final class CycleControl {

    /** Ends a cycle whose replica lost its lease or is shutting down. */
    static final class Stopped extends RuntimeException {
        Stopped(String why) {
            super(why, null, false, false);
        }
    }

    private final LeaderLease lease;
    private final LeaseFence fence;
    private final SyncCheckpoints checkpoints;
    private final BooleanSupplier stopping;
    private final Context trace;

    CycleControl(LeaderLease lease, LeaseFence fence, SyncCheckpoints checkpoints, BooleanSupplier stopping) {
        this(lease, fence, checkpoints, stopping, Context.root());
    }

    /** {@code trace}: the cycle's span context, parent of its incs calls and stored with the events it records. */
    CycleControl(LeaderLease lease, LeaseFence fence, SyncCheckpoints checkpoints, BooleanSupplier stopping,
                 Context trace) {
        this.trace = trace;
        this.lease = lease;
        this.fence = fence;
        this.checkpoints = checkpoints;
        this.stopping = stopping;
    }

    LeaseFence fence() {
        return fence;
    }

    Context trace() {
        return trace;
    }

    /** Where the events recorded by this cycle come from: its trace (their origin instant is the change's). */
    EventOrigin origin() {
        return EventOrigin.ofTrace(TraceParents.of(trace));
    }

    /** Passes the checkpoint, then fails with {@link Stopped} unless the cycle may take this step. */
    Uni<Void> step(SyncCheckpoints.Step step) {
        return checkpoints.pass(step).chain(() -> {
            if (stopping.getAsBoolean()) {
                return Uni.createFrom().failure(new Stopped("the replica is shutting down"));
            }
            if (!lease.stillHolds(fence)) {
                return Uni.createFrom().failure(new Stopped("lease epoch " + fence.epoch() + " no longer held"));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** A recording refused by the database fence stops the cycle like a lost lease. */
    TaskChangeRecorder.Recorded unlessFenced(TaskChangeRecorder.Recorded recorded) {
        if (recorded.fenced()) {
            throw new Stopped("the database refused lease epoch " + fence.epoch());
        }
        return recorded;
    }
}
