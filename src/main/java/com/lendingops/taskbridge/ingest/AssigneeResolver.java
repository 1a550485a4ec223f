package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.mapping.CollectionEvent;
import com.lendingops.taskbridge.task.IncsTask;
import com.lendingops.taskbridge.task.RequestState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the assignee of a new task: the event's own, else the configured policy over what the database
 * knows (open tasks and still-pending requests per agent, the phone's previous collector). Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class AssigneeResolver {

    private static final List<RequestState> PENDING =
            List.of(RequestState.RECEIVED, RequestState.SUBMITTING, RequestState.DEFERRED);

    private final AssigneeChooser chooser;
    private final List<String> candidates;

    public AssigneeResolver(IngestConfig config) {
        this.candidates = config.assignment().assignees().orElse(List.of()).stream()
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        this.chooser = new AssigneeChooser(config.assignment().policy(), candidates);
    }

    public Uni<Optional<String>> resolve(CollectionEvent event, Optional<String> phone) {
        if (event.assignee() != null && !event.assignee().isBlank()) {
            return Uni.createFrom().item(Optional.of(event.assignee().trim()));
        }
        Uni<Optional<String>> previous = chooser.policy() == AssignmentPolicy.STICKY && phone.isPresent()
                ? IncsTask.<IncsTask>find("userPhone = ?1 and assignee is not null order by createdAt desc", phone.get())
                        .firstResult().map(task -> Optional.ofNullable(task).map(t -> t.assignee))
                : Uni.createFrom().item(Optional.empty());
        return previous.chain(prev -> workload().map(load -> chooser.choose(load, prev)));
    }

    private Uni<Map<String, Long>> workload() {
        if (!chooser.needsWorkload() || candidates.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Long> load = new HashMap<>();
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("select t.assignee, count(t) from IncsTask t "
                                + "where t.status in (0, 1) and t.assignee in (:names) group by t.assignee", Object[].class)
                        .setParameter("names", candidates).getResultList()
                        .invoke(rows -> add(load, rows))
                        .chain(ignored -> session.createSelectionQuery("select r.assignee, count(r) from TaskRequest r "
                                        + "where r.state in (:pending) and r.assignee in (:names) group by r.assignee",
                                        Object[].class)
                                .setParameter("pending", PENDING).setParameter("names", candidates).getResultList())
                        .invoke(rows -> add(load, rows)))
                .map(ignored -> load);
    }

    private static void add(Map<String, Long> load, List<Object[]> rows) {
        for (Object[] row : rows) {
            load.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum);
        }
    }
}
