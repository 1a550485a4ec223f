package com.lendingops.taskbridge.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The history of a case (or of one request or task of it), oldest first: the requests' arrival and current
 * state, every incs log recorded on its tasks, every event published or pending for it, and the operator
 * actions on them. The bridge keeps no separate state history: the published events are the state changes.
 */
@ApplicationScoped
public class TimelineQueries {

    private static final String EVENTS = """
            select ce_id, ce_type, ce_subject, ce_time, published_at, payload::jsonb ->> 'event_id' as event_id
            from outbox_event where record_key = $1 order by id""";

    private static final String LOGS = """
            select l.log_id, l.task_id, l.type, l.status, l.pre_status, l.assignee, l.comment,
                   coalesce(l.logged_at, l.recorded_at) as at, t.event_id
            from incs_task_log l join incs_task t on t.task_id = l.task_id
            where t.case_id = $1 order by at, l.log_id""";

    private static final String ACTIONS = """
            select at, actor, action, target, outcome, details from operator_audit
            where target = any($1) order by at, id""";

    private final Pool pool;

    public TimelineQueries(Pool pool) {
        this.pool = pool;
    }

    /** Everything of the case, for the given requests and tasks (already read by the caller). */
    public Uni<List<TimelineEntry>> ofCase(String caseId, List<RequestView> requests, List<TaskView> tasks) {
        List<TimelineEntry> entries = new ArrayList<>();
        requests.forEach(request -> entries.addAll(requestEntries(request)));
        List<String> targets = new ArrayList<>();
        requests.forEach(r -> targets.add(AuditTargets.request(r.eventId())));
        tasks.forEach(t -> targets.add(AuditTargets.task(t.taskId())));
        return pool.preparedQuery(EVENTS).execute(Tuple.of(caseId))
                .invoke(rows -> rows.forEach(row -> entries.add(event(row))))
                .chain(() -> pool.preparedQuery(LOGS).execute(Tuple.of(caseId)))
                .invoke(rows -> rows.forEach(row -> entries.add(log(row))))
                .chain(() -> pool.preparedQuery(ACTIONS).execute(Tuple.of((Object) targets.toArray(String[]::new))))
                .invoke(rows -> rows.forEach(row -> entries.add(action(row))))
                .map(ignored -> sorted(entries));
    }

    /** Only the entries of one request (and of the task it created). */
    public Uni<List<TimelineEntry>> ofRequest(RequestView request, TaskView task) {
        return ofCase(request.caseId(), List.of(request), task == null ? List.of() : List.of(task))
                .map(all -> all.stream().filter(e -> e.eventId() == null || request.eventId().equals(e.eventId()))
                        .toList());
    }

    private static List<TimelineEntry> requestEntries(RequestView r) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(TimelineEntry.request(r.receivedAt(), "received", r.eventId(), null, r.eventType()));
        entries.add(TimelineEntry.request(r.updatedAt(), "state " + r.state(), r.eventId(), r.taskId(),
                r.lastError()));
        return entries;
    }

    private static TimelineEntry event(Row row) {
        String subject = row.getString("ce_subject");
        Long taskId = subject != null && subject.chars().allMatch(Character::isDigit) ? Long.valueOf(subject) : null;
        boolean pending = row.getOffsetDateTime("published_at") == null;
        return new TimelineEntry(row.getOffsetDateTime("ce_time"), "event", row.getString("ce_type"),
                row.getString("event_id"), taskId, row.getString("ce_type"), row.getString("ce_id"),
                row.getOffsetDateTime("published_at"), pending, null);
    }

    private static TimelineEntry log(Row row) {
        int type = row.getShort("type");
        Short status = row.getShort("status");
        Short preStatus = row.getShort("pre_status");
        String title;
        String detail;
        switch (type) {
            case 1 -> { title = "incs: task created"; detail = null; }
            case 2 -> { title = "incs: assigned"; detail = row.getString("assignee"); }
            case 3 -> {
                title = "incs: status changed";
                detail = TaskView.statusName(preStatus == null ? null : preStatus.intValue()) + " → "
                        + TaskView.statusName(status == null ? null : status.intValue());
            }
            case 4 -> { title = "incs: remark"; detail = row.getString("comment"); }
            default -> { title = "incs: log type " + type; detail = row.getString("comment"); }
        }
        return new TimelineEntry(row.getOffsetDateTime("at"), "incs_log", title, row.getString("event_id"),
                row.getLong("task_id"), null, null, null, null, detail);
    }

    private static TimelineEntry action(Row row) {
        String target = row.getString("target");
        String eventId = AuditTargets.eventIdOf(target);
        Long taskId = AuditTargets.taskIdOf(target);
        String detail = row.getString("actor") + ": " + row.getString("outcome")
                + (row.getString("details") == null ? "" : " (" + row.getString("details") + ")");
        return new TimelineEntry(row.getOffsetDateTime("at"), "operator", "operator " + row.getString("action"),
                eventId, taskId, null, null, null, null, detail);
    }

    /**
     * By time to the second (incs stamps its logs to the second only), then in causal order within the second:
     * arrival, incs logs, the events they caused, the resulting state, operator actions.
     */
    private static List<TimelineEntry> sorted(List<TimelineEntry> entries) {
        Comparator<TimelineEntry> bySecond = Comparator.comparing(
                e -> e.at() == null ? null : e.at().truncatedTo(ChronoUnit.SECONDS),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return entries.stream().sorted(bySecond.thenComparingInt(TimelineQueries::causalRank)
                .thenComparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    private static int causalRank(TimelineEntry e) {
        return switch (e.kind()) {
            case "request" -> "received".equals(e.title()) ? 0 : 3;
            case "incs_log" -> 1;
            case "event" -> 2;
            default -> 4;
        };
    }
}
