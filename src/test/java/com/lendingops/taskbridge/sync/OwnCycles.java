package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.context.FreshContexts;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.task.TaskEnded;
import com.lendingops.taskbridge.tracing.Spans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Builds sync cycles of a test's own from the application's components, each with checkpoints of its own: a test
 * can stall or stop such a cycle without touching the application's cycle, which the other tests use.
 */
@ApplicationScoped
public class OwnCycles {

    private final TrackedTasks trackedTasks;
    private final ActiveTaskScan scan;
    private final TaskLookups lookups;
    private final TaskChangeRecorder recorder;
    private final LeaderLease lease;
    private final SyncMetrics metrics;
    private final Event<TaskEnded> taskEnded;
    private final FreshContexts contexts;
    private final Spans spans;

    public OwnCycles(TrackedTasks trackedTasks, ActiveTaskScan scan, TaskLookups lookups, TaskChangeRecorder recorder,
                     LeaderLease lease, SyncMetrics metrics, Event<TaskEnded> taskEnded, FreshContexts contexts,
                     Spans spans) {
        this.trackedTasks = trackedTasks;
        this.scan = scan;
        this.lookups = lookups;
        this.recorder = recorder;
        this.lease = lease;
        this.metrics = metrics;
        this.taskEnded = taskEnded;
        this.contexts = contexts;
        this.spans = spans;
    }

    /** A new cycle that passes the given checkpoints. */
    public SyncCycle withCheckpoints(SyncCheckpoints checkpoints) {
        return new SyncCycle(trackedTasks, scan, lookups, recorder, lease, metrics, checkpoints, taskEnded, contexts,
                spans);
    }

    /** The lease the cycles run under (the application's). */
    public LeaderLease lease() {
        return lease;
    }
}
