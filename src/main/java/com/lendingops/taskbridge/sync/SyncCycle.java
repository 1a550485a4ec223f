package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.config.SyncConfig;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.sync.TaskLookups.Lookup;
import com.lendingops.taskbridge.task.TaskEnded;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One sync cycle: scan the active incs tasks, look up by id only the tracked tasks the scan did not
 * return, and record every change, one task per transaction. Calls per cycle stay within
 * ⌈active/100⌉ + (tasks that left the active set) + 2. Tests call {@link #runCycle()} directly.
 */
@ApplicationScoped
public class SyncCycle {

    private static final Logger LOG = Logger.getLogger(SyncCycle.class);

    private final TrackedTasks trackedTasks;
    private final ActiveTaskScan scan;
    private final TaskLookups lookups;
    private final TaskChangeRecorder recorder;
    private final LeaderLease lease;
    private final SyncMetrics metrics;
    private final SyncConfig config;
    private final Event<TaskEnded> taskEnded;
    private final VertxContexts contexts;
    private final AtomicBoolean running = new AtomicBoolean();

    public SyncCycle(TrackedTasks trackedTasks, ActiveTaskScan scan, TaskLookups lookups, TaskChangeRecorder recorder,
                     LeaderLease lease, SyncMetrics metrics, SyncConfig config, Event<TaskEnded> taskEnded,
                     VertxContexts contexts) {
        this.trackedTasks = trackedTasks;
        this.scan = scan;
        this.lookups = lookups;
        this.recorder = recorder;
        this.lease = lease;
        this.metrics = metrics;
        this.config = config;
        this.taskEnded = taskEnded;
        this.contexts = contexts;
    }

    /** The scheduled entry point: only the lease holder syncs. */
    public Uni<CycleReport> runIfLeader() {
        return lease.isLeader() ? runCycle() : Uni.createFrom().item(CycleReport.skipped());
    }

    /** Runs one cycle now, unless one is already running (then it reports itself skipped). */
    public Uni<CycleReport> runCycle() {
        return Uni.createFrom().deferred(() -> running.compareAndSet(false, true) ? cycle()
                : Uni.createFrom().item(CycleReport.skipped()));
    }

    private Uni<CycleReport> cycle() {
        CycleStats stats = new CycleStats();
        Executor cycleContext = contexts.newSafeContext();
        return Uni.createFrom().deferred(() -> trackedTasks.load())
                .runSubscriptionOn(cycleContext)
                .chain(tracked -> syncTracked(tracked, stats, cycleContext))
                .map(ignored -> stats.report())
                .invoke(metrics::cycleCompleted)
                .onFailure().invoke(e -> {
                    metrics.cycleFailed(stats.calls());
                    LOG.warnf("sync cycle failed after %d incs calls: %s", stats.calls(), e.getMessage());
                })
                .onTermination().invoke(() -> running.set(false));
    }

    private Uni<Void> syncTracked(Map<Long, TrackedTask> tracked, CycleStats stats, Executor cycleContext) {
        stats.tracked(tracked.size());
        if (tracked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return scan.scan(tracked.keySet(), stats).chain(seen -> {
            stats.seenInScan(seen.size());
            List<IncsTaskView> changed = seen.values().stream()
                    .filter(view -> tracked.get(view.id()).changedBy(view)).toList();
            List<Long> unseen = tracked.keySet().stream().filter(id -> !seen.containsKey(id)).sorted().toList();
            return recordInTurn(changed, recorder::recordView, stats, cycleContext)
                    .chain(() -> lookups.lookUp(unseen, stats))
                    .chain(answers -> recordLookups(answers, tracked, stats, cycleContext));
        });
    }

    private Uni<Void> recordLookups(List<Lookup> answers, Map<Long, TrackedTask> tracked, CycleStats stats,
                                    Executor cycleContext) {
        answers.stream().filter(Lookup::failed).forEach(failed -> stats.countFailure());
        List<IncsTaskView> found = answers.stream()
                .filter(l -> l.view() != null && tracked.get(l.taskId()).changedBy(l.view()))
                .map(Lookup::view).toList();
        List<Long> notFound = answers.stream().filter(l -> !l.failed() && l.view() == null)
                .map(Lookup::taskId).toList();
        return recordInTurn(found, recorder::recordView, stats, cycleContext)
                .chain(() -> recordInTurn(notFound,
                        id -> recorder.recordNotFound(id, config.missingAfterCycles()), stats, cycleContext));
    }

    /**
     * One transaction after the other, each subscribed on the cycle's context whatever thread the
     * incs client answered on; a task whose recording fails is retried next cycle.
     */
    private <T> Uni<Void> recordInTurn(List<T> items, Function<T, Uni<TaskChangeRecorder.Recorded>> op,
                                       CycleStats stats, Executor cycleContext) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> Uni.createFrom().deferred(() -> op.apply(item))
                        .runSubscriptionOn(cycleContext)
                        .invoke(recorded -> afterCommit(recorded, stats))
                        .onFailure().recoverWithItem(e -> {
                            stats.countFailure();
                            LOG.warnf("recording a task change failed, retried next cycle: %s", e.getMessage());
                            return TaskChangeRecorder.Recorded.NOTHING;
                        }))
                .collect().last().replaceWithVoid();
    }

    private void afterCommit(TaskChangeRecorder.Recorded recorded, CycleStats stats) {
        stats.countRecorded(recorded);
        if (recorded.ended() != null) {
            contexts.runOnNewSafeContext(() -> taskEnded.fire(recorded.ended()));
        }
    }
}
