package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.config.SyncConfig;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.TaskPage;
import com.lendingops.taskbridge.incs.TaskQuery;
import com.lendingops.taskbridge.logging.LogFields;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Looks tracked tasks up by {@code task_id}, a few at a time: the tasks the active scan did not return
 * (they ended, their tail is due, or the scan skipped them). A failed lookup is reported, never mistaken for
 * "not found": only an answer that says so (total 0, no rows) is "not found"; an answer that lists other tasks
 * or claims matches it does not show is a failed call.
 */
@ApplicationScoped
public class TaskLookups {

    private static final Logger LOG = Logger.getLogger(TaskLookups.class);

    /** One lookup's answer: the task's view, or null when incs does not know it; {@code failed} when unknown. */
    public record Lookup(long taskId, IncsTaskView view, boolean failed) {
    }

    private final IncsClient client;
    private final SyncConfig config;

    public TaskLookups(IncsClient client, SyncConfig config) {
        this.client = client;
        this.config = config;
    }

    Uni<List<Lookup>> lookUp(List<Long> taskIds, CycleControl control, CycleStats stats) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(taskIds)
                .onItem().transformToUni(id -> lookUpOne(id, control, stats))
                .merge(Math.max(1, config.lookupConcurrency()))
                .collect().asList();
    }

    private Uni<Lookup> lookUpOne(long taskId, CycleControl control, CycleStats stats) {
        return control.step(SyncCheckpoints.Step.LOOKUP)
                .chain(() -> {
                    stats.countLookup();
                    return client.listTasks(TaskQuery.byTaskId(taskId), stats::countCall, control.trace())
                            .map(page -> interpret(taskId, page))
                            .onFailure().recoverWithItem(e -> {
                                LogFields.aboutTask(taskId, () -> LOG.warnf(
                                        "lookup of task %d failed, retried next cycle: %s", taskId, e.getMessage()));
                                return new Lookup(taskId, null, true);
                            });
                });
    }

    static Lookup interpret(long taskId, TaskPage page) {
        IncsTaskView match = page.tasks().stream()
                .filter(view -> view.id() != null && view.id() == taskId).findFirst().orElse(null);
        if (match != null) {
            return new Lookup(taskId, match, false);
        }
        if (page.total() == 0 && page.tasks().isEmpty()) {
            return new Lookup(taskId, null, false);
        }
        LogFields.aboutTask(taskId, () -> LOG.warnf(
                "lookup of task %d: incs answered %d rows (total %d) without it; treated as a failed call",
                taskId, page.tasks().size(), page.total()));
        return new Lookup(taskId, null, true);
    }
}
