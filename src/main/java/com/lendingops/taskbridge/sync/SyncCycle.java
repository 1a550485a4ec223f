package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.context.FreshContexts;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseFence;
import com.lendingops.taskbridge.sync.TaskLookups.Lookup;
import com.lendingops.taskbridge.task.TaskEnded;
import com.lendingops.taskbridge.tracing.Spans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One sync cycle: scan the active incs tasks recording each page's changes as it arrives, then look up by id
 * only the tracked tasks the scan did not return, {@value #LOOKUP_BATCH} at a time, each batch's answers recorded
 * before the next batch is asked. The cycle runs under the
 * lease tenure (fence) it started with and stops within one step once that tenure ends; every recording
 * transaction checks the fence in the database. Tests call {@link #runCycle()} directly.
 * <p>
 * Each cycle is one trace: a {@value #CYCLE_SPAN} span, parent of the cycle's incs calls, whose context every event
 * the cycle records carries to the outbox and on to Kafka. The span is passed explicitly (in {@link CycleControl}),
 * never made current, so the cycle's threads and Vert.x contexts are exactly as without tracing.
 */
@ApplicationScoped
public class SyncCycle {

    private static final Logger LOG = Logger.getLogger(SyncCycle.class);
    /** Tasks looked up per batch, and lookup answers recorded per transaction. */
    static final int LOOKUP_BATCH = 100;
    /** Name of the span of one sync cycle. */
    public static final String CYCLE_SPAN = "sync cycle";

    private final TrackedTasks trackedTasks;
    private final ActiveTaskScan scan;
    private final TaskLookups lookups;
    private final TaskChangeRecorder recorder;
    private final LeaderLease lease;
    private final SyncMetrics metrics;
    private final SyncCheckpoints checkpoints;
    private final Event<TaskEnded> taskEnded;
    private final FreshContexts contexts;
    private final Spans spans;
    /** The running cycle's completion; null when none runs. */
    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();
    private volatile boolean stopping;

    public SyncCycle(TrackedTasks trackedTasks, ActiveTaskScan scan, TaskLookups lookups, TaskChangeRecorder recorder,
                     LeaderLease lease, SyncMetrics metrics, SyncCheckpoints checkpoints, Event<TaskEnded> taskEnded,
                     FreshContexts contexts, Spans spans) {
        this.spans = spans;
        this.trackedTasks = trackedTasks;
        this.scan = scan;
        this.lookups = lookups;
        this.recorder = recorder;
        this.lease = lease;
        this.metrics = metrics;
        this.checkpoints = checkpoints;
        this.taskEnded = taskEnded;
        this.contexts = contexts;
    }

    /** The scheduled entry point: only the lease holder syncs. */
    public Uni<CycleReport> runIfLeader() {
        return lease.currentFence().map(this::startUnderFence).orElseGet(() -> Uni.createFrom().item(CycleReport.skipped()));
    }

    /** Runs one cycle now (taking the lease first if free), unless one is already running or another replica leads. */
    public Uni<CycleReport> runCycle() {
        return Uni.createFrom().deferred(() -> {
            Optional<LeaseFence> fence = lease.currentFence();
            if (fence.isPresent()) {
                return startUnderFence(fence.get());
            }
            return lease.takeOrRenew().chain(held -> lease.currentFence().map(this::startUnderFence)
                    .orElseGet(() -> Uni.createFrom().item(CycleReport.skipped())));
        });
    }

    /** Stops the running cycle at its next step and emits when it has ended (shutdown, before the lease is released). */
    public Uni<Void> stop() {
        stopping = true;
        CompletableFuture<Void> current = running.get();
        return current == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(current);
    }

    private Uni<CycleReport> startUnderFence(LeaseFence fence) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (stopping || !running.compareAndSet(null, done)) {
                return Uni.createFrom().item(CycleReport.skipped());
            }
            Span span = spans.start(CYCLE_SPAN, Context.root(),
                    Attributes.of(AttributeKey.longKey("bridge.lease_epoch"), fence.epoch()));
            CycleControl control = new CycleControl(lease, fence, checkpoints, () -> stopping,
                    Context.root().with(span));
            return cycle(control).onTermination().invoke((report, failure, cancelled) -> {
                if (report != null) {
                    span.setAttribute("bridge.sync.calls", report.calls());
                }
                Spans.end(span, failure);
                running.set(null);
                done.complete(null);
            });
        });
    }

    private Uni<CycleReport> cycle(CycleControl control) {
        CycleStats stats = new CycleStats();
        long startedAt = System.nanoTime();
        return trackedTasks.load()
                .chain(tracked -> syncTracked(tracked, control, stats))
                .map(ignored -> stats.report(false))
                .invoke(report -> metrics.cycleCompleted(report, (System.nanoTime() - startedAt) / 1_000_000))
                .onFailure(CycleControl.Stopped.class).recoverWithItem(e -> {
                    LOG.infof("sync cycle stopped after %d incs calls: %s", stats.calls(), e.getMessage());
                    CycleReport report = stats.report(true);
                    metrics.cycleStopped(report);
                    return report;
                })
                .onFailure().invoke(e -> {
                    metrics.cycleFailed(stats.calls());
                    LOG.warnf("sync cycle failed after %d incs calls: %s", stats.calls(), e.getMessage());
                });
    }

    private Uni<Void> syncTracked(TrackedSet tracked, CycleControl control, CycleStats stats) {
        stats.tracked(tracked.size());
        if (tracked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return scan.scan(tracked, control, stats, views -> record(views, control, stats)).chain(outcome -> {
            stats.seenInScan(tracked.seenCount());
            if (!outcome.complete()) {
                // a page is missing: its tasks are neither looked up (that would break the call bound) nor missed
                stats.countFailure();
                return Uni.createFrom().voidItem();
            }
            List<Long> unseen = tracked.unseen();
            // each batch is recorded before the next is asked: a leader that dies among thousands of lookups keeps
            // what it learnt, and its successor does not repeat them
            return inBatches(unseen, batch -> lookups.lookUp(batch, control, stats)
                    .chain(answers -> recordLookups(answers, tracked, control, stats)));
        });
    }

    private Uni<Void> recordLookups(List<Lookup> answers, TrackedSet tracked, CycleControl control,
                                    CycleStats stats) {
        stats.countFailures((int) answers.stream().filter(Lookup::failed).count());
        List<IncsTaskView> found = answers.stream()
                .filter(l -> l.view() != null && tracked.get(l.taskId()).changedBy(l.view()))
                .map(Lookup::view).toList();
        List<Long> notFound = answers.stream().filter(l -> !l.failed() && l.view() == null)
                .map(Lookup::taskId).toList();
        return inBatches(found, views -> record(views, control, stats))
                .chain(() -> inBatches(notFound, ids -> control.step(SyncCheckpoints.Step.RECORD)
                        .chain(() -> recorder.recordNotFound(ids, control.fence(), control.origin()))
                        .map(control::unlessFenced)
                        .invoke(stats::countRecorded)
                        .replaceWithVoid()));
    }

    /** One page (or batch of lookup answers) in one transaction; a failed one is retried next cycle. */
    private Uni<Void> record(List<IncsTaskView> views, CycleControl control, CycleStats stats) {
        return control.step(SyncCheckpoints.Step.RECORD)
                .chain(() -> recorder.recordViews(views, control.fence(), control.origin()))
                .map(control::unlessFenced)
                .invoke(recorded -> afterCommit(recorded, stats))
                .replaceWithVoid()
                .onFailure(e -> !(e instanceof CycleControl.Stopped)).recoverWithUni(e -> {
                    stats.countFailure();
                    LOG.warnf("recording %d task views failed, retried next cycle: %s", views.size(), e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static <T> Uni<Void> inBatches(List<T> items, Function<List<T>, Uni<Void>> op) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += LOOKUP_BATCH) {
            batches.add(items.subList(i, Math.min(items.size(), i + LOOKUP_BATCH)));
        }
        return Multi.createFrom().iterable(batches).onItem().transformToUniAndConcatenate(batch -> op.apply(batch))
                .collect().last().replaceWithVoid();
    }

    private void afterCommit(TaskChangeRecorder.Recorded recorded, CycleStats stats) {
        stats.countRecorded(recorded);
        recorded.ended().forEach(ended -> contexts.execute(() -> taskEnded.fire(ended)));
    }
}
