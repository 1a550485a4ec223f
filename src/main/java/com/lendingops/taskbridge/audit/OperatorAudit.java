package com.lendingops.taskbridge.audit;

import com.lendingops.taskbridge.query.Cursor;
import com.lendingops.taskbridge.query.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The audit trail of operator actions: one row and one log line per action, whatever its outcome, so "who
 * retried this request?" has an answer after the fact. Rows are never updated or deleted by the service.
 */
@ApplicationScoped
public class OperatorAudit {

    private static final Logger LOG = Logger.getLogger(OperatorAudit.class);

    private static final String INSERT = """
            insert into operator_audit (at, actor, action, target, outcome, details)
            values ($1, $2, $3, $4, $5, $6) returning id""";

    private final Pool pool;
    private final Clock clock;

    public OperatorAudit(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Writes the row and the log line; the action's result stands even if the row cannot be written (logged). */
    public Uni<Void> record(String actor, String action, String target, String outcome, String details) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        LOG.infof("operator action: actor=%s action=%s target=%s outcome=%s details=%s", actor, action, target,
                outcome, details);
        return pool.preparedQuery(INSERT).execute(Tuple.from(List.of(at, actor, action, target, outcome,
                        details == null ? "" : details)))
                .onFailure().invoke(e -> LOG.errorf("audit row for %s %s by %s could not be written: %s", action,
                        target, actor, e.getMessage()))
                .replaceWithVoid();
    }

    /** Newest first, optionally for one target. */
    public Uni<Page<AuditEntry>> list(Optional<String> target, Optional<Cursor> after, int limit) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select id, at, actor, action, target, outcome, details"
                + " from operator_audit where true");
        target.ifPresent(t -> {
            values.add(t);
            sql.append(" and target = $").append(values.size());
        });
        after.ifPresent(c -> {
            values.add(c.at());
            values.add(Long.parseLong(c.id()));
            sql.append(" and (at, id) < ($").append(values.size() - 1).append(", $").append(values.size()).append(')');
        });
        values.add(limit + 1);
        sql.append(" order by at desc, id desc limit $").append(values.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(values)).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(AuditEntry.of(row));
            }
            return Page.of(entries, limit, e -> new Cursor(e.at(), String.valueOf(e.id())));
        });
    }
}
