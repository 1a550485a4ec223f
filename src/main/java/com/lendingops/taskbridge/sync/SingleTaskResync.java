package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.context.FreshContexts;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseFence;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.TaskEnded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Operator "re-sync now" of one tracked task: the same by-id lookup and the same recorder as the sync cycle,
 * outside the cycle's schedule, so a supervisor need not wait up to one interval to see a change. Runs on any
 * replica (the recorder's transaction and ce_ids make a concurrent cycle harmless: a change is recorded once).
 */
@ApplicationScoped
public class SingleTaskResync {

    /** What a re-sync found. */
    public sealed interface Result {
        /** Looked up and recorded: {@code events} new events, the task now has {@code status}. */
        record Resynced(int events, int status) implements Result { }
        /** Not one of our tasks. */
        record NotFound() implements Result { }
        /** Ours, but no longer tracked (ended or declared missing): nothing to refresh. */
        record NotTracked(int status) implements Result { }
        /** incs did not answer the lookup usefully; try again later. */
        record LookupFailed(String reason) implements Result { }
        /** incs does not return the task: left to the cycle's missing-task counting. */
        record AbsentFromIncs() implements Result { }
        /** This replica does not hold the sync lease; only the leader may record (fencing). */
        record NotLeader() implements Result { }
    }

    private final TaskLookups lookups;
    private final TaskChangeRecorder recorder;
    private final FreshContexts contexts;
    private final Event<TaskEnded> taskEnded;
    private final LeaderLease lease;
    private final SyncCheckpoints checkpoints;

    public SingleTaskResync(TaskLookups lookups, TaskChangeRecorder recorder, FreshContexts contexts,
                            Event<TaskEnded> taskEnded, LeaderLease lease, SyncCheckpoints checkpoints) {
        this.lookups = lookups;
        this.recorder = recorder;
        this.contexts = contexts;
        this.taskEnded = taskEnded;
        this.lease = lease;
        this.checkpoints = checkpoints;
    }

    public Uni<Result> resync(long taskId) {
        Context trace = Context.current();
        Executor context = contexts.newExecutor();
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> IncsTask.<IncsTask>findById(taskId)))
                .runSubscriptionOn(context)
                .chain(task -> {
                    if (task == null) {
                        return Uni.createFrom().item(new Result.NotFound());
                    }
                    if (!task.tracking) {
                        return Uni.createFrom().item(new Result.NotTracked(task.status));
                    }
                    return lease.currentFence()
                            .map(fence -> lookUpAndRecord(taskId, fence, context, trace))
                            .orElseGet(() -> Uni.createFrom().item(new Result.NotLeader()));
                });
    }

    /** {@code trace}: the operator's request (if traced): the lookup and the events it records belong to it. */
    private Uni<Result> lookUpAndRecord(long taskId, LeaseFence fence, Executor context, Context trace) {
        CycleControl control = new CycleControl(lease, fence, checkpoints, () -> false, trace);
        return lookups.lookUp(List.of(taskId), control, new CycleStats()).chain(answers -> {
            TaskLookups.Lookup lookup = answers.get(0);
            if (lookup.failed()) {
                return Uni.createFrom().item(new Result.LookupFailed("incs lookup failed"));
            }
            if (lookup.view() == null) {
                return Uni.createFrom().item(new Result.AbsentFromIncs());
            }
            return Uni.createFrom().deferred(() -> recorder.recordViews(List.of(lookup.view()), fence, control.origin()))
                    .runSubscriptionOn(context)
                    .map(control::unlessFenced)
                    .invoke(recorded -> recorded.ended().forEach(
                            ended -> contexts.execute(() -> taskEnded.fire(ended))))
                    .map(recorded -> (Result) new Result.Resynced(recorded.events(),
                            lookup.view().status() == null ? -1 : lookup.view().status()));
        });
    }
}
