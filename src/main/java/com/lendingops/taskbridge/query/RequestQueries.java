package com.lendingops.taskbridge.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads of {@code task_request} for the API: plain prepared SQL on the reactive pool, one statement per call. */
@ApplicationScoped
public class RequestQueries {

    private final Pool pool;

    public RequestQueries(Pool pool) {
        this.pool = pool;
    }

    /** The request, or null when the event id is unknown. */
    public Uni<RequestView> find(String eventId) {
        return pool.preparedQuery("select " + RequestView.COLUMNS + " from task_request where event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() == 0 ? null : RequestView.of(rows.iterator().next()));
    }

    /** Every request of a case, in arrival order. */
    public Uni<List<RequestView>> ofCase(String caseId) {
        return pool.preparedQuery("select " + RequestView.COLUMNS
                        + " from task_request where case_id = $1 order by received_at, event_id")
                .execute(Tuple.of(caseId))
                .map(RequestQueries::views);
    }

    /** One page, oldest first; each filter combination is served by an index (see V30). */
    public Uni<Page<RequestView>> list(RequestFilter filter) {
        Statement statement = listStatement(filter);
        return pool.preparedQuery(statement.sql()).execute(statement.parameters())
                .map(rows -> Page.of(views(rows), filter.limit(), RequestView::position));
    }

    /** The list query for these filters (QueryPlanTest explains exactly this statement). */
    static Statement listStatement(RequestFilter filter) {
        Conditions where = new Conditions();
        filter.state().ifPresent(state -> where.add("state = ?", state));
        filter.caseId().ifPresent(caseId -> where.add("case_id = ?", caseId));
        filter.since().ifPresent(since -> where.add("received_at >= ?", since));
        filter.after().ifPresent(c -> where.add("(received_at, event_id) > (?, ?)", c.at(), c.id()));
        String limit = where.nextParameter(filter.limit() + 1);
        String sql = "select " + RequestView.COLUMNS + " from task_request" + where.where()
                + " order by received_at, event_id limit " + limit;
        return new Statement(sql, where.tuple());
    }

    private static List<RequestView> views(Iterable<Row> rows) {
        List<RequestView> views = new ArrayList<>();
        rows.forEach(row -> views.add(RequestView.of(row)));
        return views;
    }
}
