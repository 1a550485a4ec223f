package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsCallException;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.incs.TaskPage;
import com.lendingops.taskbridge.incs.TaskQuery;
import com.lendingops.taskbridge.task.IncsTask;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the task an earlier attempt may have created although its response was lost (timeout, reset, crash
 * between the POST and the database write). The list API cannot filter by phone, so the search is by exact
 * task name within a creation-time window around our attempts (widened by a margin for clock skew), matching
 * the phone, and skipping tasks already recorded for another request (same case, same default name).
 */
@ApplicationScoped
public class Reconciler {

    private final IncsClient client;
    private final IncsTime incsTime;
    private final IngestConfig config;

    public Reconciler(IncsClient client, IncsTime incsTime, IngestConfig config) {
        this.client = client;
        this.incsTime = incsTime;
        this.config = config;
    }

    public Uni<TaskLookup> find(PendingRequest request) {
        CreateTaskCommand command = request.command();
        OffsetDateTime from = request.searchFrom().minus(config.reconcile().window());
        OffsetDateTime to = RequestIntake.now().plus(config.reconcile().window());
        TaskQuery query = TaskQuery.byNameCreatedBetween(command.name(), incsTime.format(from.toInstant()),
                incsTime.format(to.toInstant()), 1);
        return page(query, command).onFailure(IncsCallException.class)
                .recoverWithItem(failure -> new TaskLookup.Failed((IncsCallException) failure));
    }

    private Uni<TaskLookup> page(TaskQuery query, CreateTaskCommand command) {
        return client.listTasks(query).chain(page -> {
            List<IncsTaskView> matches = page.tasks().stream()
                    .filter(task -> task.id() != null && command.name().equals(task.name())
                            && command.userPhone().equals(task.userPhone()))
                    .toList();
            Uni<Optional<IncsTaskView>> unclaimed = matches.isEmpty() ? Uni.createFrom().item(Optional.empty())
                    : firstUnclaimed(matches);
            return unclaimed.chain(found -> {
                if (found.isPresent()) {
                    return Uni.createFrom().item(new TaskLookup.Found(found.get()));
                }
                return hasMore(query, page) ? page(query.withPage(query.page() + 1), command)
                        : Uni.createFrom().item(new TaskLookup.NotFound());
            });
        });
    }

    private boolean hasMore(TaskQuery query, TaskPage page) {
        return page.tasks().size() >= query.pageSize() && (long) query.page() * query.pageSize() < page.total()
                && query.page() < config.reconcile().maxPages();
    }

    private Uni<Optional<IncsTaskView>> firstUnclaimed(List<IncsTaskView> matches) {
        List<Long> ids = matches.stream().map(IncsTaskView::id).toList();
        return Panache.withSession(() -> IncsTask.<IncsTask>list("taskId in ?1", ids))
                .map(known -> {
                    Set<Long> claimed = known.stream().map(t -> t.taskId).collect(Collectors.toSet());
                    return matches.stream().filter(task -> !claimed.contains(task.id()))
                            .min(Comparator.comparing(IncsTaskView::id));
                });
    }
}
