package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.config.SyncConfig;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.TaskQuery;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Looks tracked tasks up by {@code task_id}, a few at a time: the tasks the active scan did not return
 * (they ended, or the scan skipped them). A failed lookup is reported, never mistaken for "not found".
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

    public Uni<List<Lookup>> lookUp(List<Long> taskIds, CycleStats stats) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(taskIds)
                .onItem().transformToUni(id -> lookUpOne(id, stats))
                .merge(Math.max(1, config.lookupConcurrency()))
                .collect().asList();
    }

    private Uni<Lookup> lookUpOne(long taskId, CycleStats stats) {
        stats.countCall();
        stats.countLookup();
        return client.listTasks(TaskQuery.byTaskId(taskId))
                .map(page -> new Lookup(taskId, page.tasks().stream()
                        .filter(view -> view.id() != null && view.id() == taskId).findFirst().orElse(null), false))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("lookup of task %d failed, retried next cycle: %s", taskId, e.getMessage());
                    return new Lookup(taskId, null, true);
                });
    }
}
