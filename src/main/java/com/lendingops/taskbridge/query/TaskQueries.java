package com.lendingops.taskbridge.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads of {@code incs_task} for the API (plain prepared SQL on the reactive pool). */
@ApplicationScoped
public class TaskQueries {

    private final Pool pool;

    public TaskQueries(Pool pool) {
        this.pool = pool;
    }

    /** The task, or null when it is not one of ours. */
    public Uni<TaskView> find(long taskId) {
        return pool.preparedQuery("select " + TaskView.COLUMNS + " from incs_task where task_id = $1")
                .execute(Tuple.of(taskId))
                .map(rows -> rows.size() == 0 ? null : TaskView.of(rows.iterator().next()));
    }

    public Uni<List<TaskView>> ofCase(String caseId) {
        return pool.preparedQuery("select " + TaskView.COLUMNS
                        + " from incs_task where case_id = $1 order by created_at, task_id")
                .execute(Tuple.of(caseId))
                .map(TaskQueries::views);
    }

    /** One page, newest first; each single filter is served by an index in that order (see V30). */
    public Uni<Page<TaskView>> list(TaskFilter filter) {
        Statement statement = listStatement(filter);
        return pool.preparedQuery(statement.sql()).execute(statement.parameters())
                .map(rows -> Page.of(views(rows), filter.limit(), TaskView::position));
    }

    /** The list query for these filters (QueryPlanTest explains exactly this statement). */
    static Statement listStatement(TaskFilter filter) {
        Conditions where = new Conditions();
        filter.phone().ifPresent(phone -> where.add("user_phone = ?", phone));
        filter.status().ifPresent(status -> where.add("status = ?", status.shortValue()));
        filter.assignee().ifPresent(assignee -> where.add("assignee = ?", assignee));
        filter.createdFrom().ifPresent(from -> where.add("created_at >= ?", from));
        filter.createdTo().ifPresent(to -> where.add("created_at < ?", to));
        filter.after().ifPresent(c -> where.add("(created_at, task_id) < (?, ?)", c.at(), Long.parseLong(c.id())));
        String limit = where.nextParameter(filter.limit() + 1);
        String sql = "select " + TaskView.COLUMNS + " from incs_task" + where.where()
                + " order by created_at desc, task_id desc limit " + limit;
        return new Statement(sql, where.tuple());
    }

    private static List<TaskView> views(Iterable<Row> rows) {
        List<TaskView> views = new ArrayList<>();
        rows.forEach(row -> views.add(TaskView.of(row)));
        return views;
    }
}
