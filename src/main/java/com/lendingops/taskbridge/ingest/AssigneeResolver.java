package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.AssignmentPolicy;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.mapping.CollectionEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the assignee of a new task: the event's own, else the configured policy over what the database
 * knows (open tasks and still-pending requests per agent, the phone's previous collector). Runs on the intake
 * transaction's connection; the fixed and round-robin policies read nothing.
 */
@ApplicationScoped
public class AssigneeResolver {

    static final String PREVIOUS = """
            select assignee from incs_task where user_phone = $1 and assignee is not null
            order by created_at desc limit 1""";

    static final String WORKLOAD = """
            select assignee, count(*) from incs_task where status in (0, 1) and assignee = any($1) group by assignee
            union all
            select assignee, count(*) from task_request where state in ('received', 'submitting', 'deferred')
              and assignee = any($1) group by assignee""";

    private final AssigneeChooser chooser;
    private final List<String> candidates;

    public AssigneeResolver(IngestConfig config) {
        this.candidates = config.assignment().assignees().orElse(List.of()).stream()
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        this.chooser = new AssigneeChooser(config.assignment().policy(), candidates);
    }

    public Uni<Optional<String>> resolve(SqlConnection c, CollectionEvent event, Optional<String> phone) {
        if (event.assignee() != null && !event.assignee().isBlank()) {
            return Uni.createFrom().item(Optional.of(event.assignee().trim()));
        }
        Uni<Optional<String>> previous = chooser.policy() == AssignmentPolicy.STICKY && phone.isPresent()
                ? c.preparedQuery(PREVIOUS).execute(Tuple.of(phone.get()))
                        .map(rows -> rows.size() == 0 ? Optional.<String>empty()
                                : Optional.ofNullable(rows.iterator().next().getString(0)))
                : Uni.createFrom().item(Optional.empty());
        return previous.chain(prev -> workload(c).map(load -> chooser.choose(load, prev)));
    }

    private Uni<Map<String, Long>> workload(SqlConnection c) {
        if (!chooser.needsWorkload() || candidates.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery(WORKLOAD).execute(Tuple.of(candidates.toArray(new String[0])))
                .map(AssigneeResolver::sum);
    }

    private static Map<String, Long> sum(RowSet<Row> rows) {
        Map<String, Long> load = new HashMap<>();
        for (Row row : rows) {
            load.merge(row.getString(0), row.getLong(1), Long::sum);
        }
        return load;
    }
}
