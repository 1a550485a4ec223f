package com.lendingops.taskbridge.retention;

import com.lendingops.taskbridge.config.RetentionConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Redacts the personal data of finished requests older than the retention period: the request body (the whole
 * create command: names, phones, orders), the request's phone, and its task's phone and name. A request is finished
 * when it is rejected or failed, or created with its task ended at incs and no longer tracked (an open task's phone
 * still decides whether a later request for the phone must wait). Ids, states, statuses, the task's history and the
 * published events stay.
 * <p>
 * One batch is one statement: it picks the oldest finished unredacted requests with {@code for update skip locked}
 * and marks them {@code redacted_at}, so two replicas running the job at once redact disjoint rows and a repeated run
 * changes nothing.
 */
@ApplicationScoped
public class PiiRedactor {

    static final String REDACT_BATCH = """
            with picked as (
                select r.event_id from task_request r
                where r.redacted_at is null and r.updated_at < $1
                  and (r.state in ('rejected', 'failed')
                       or (r.state = 'created'
                           and exists (select 1 from incs_task t where t.event_id = r.event_id
                                       and t.status in (2, 3) and not t.tracking and t.updated_at < $1)))
                order by r.updated_at
                limit $2
                for update of r skip locked
            ), tasks as (
                update incs_task t set user_phone = null, name = null
                from picked where t.event_id = picked.event_id
                returning t.task_id
            )
            update task_request r set request_body = null, user_phone = null, redacted_at = $3
            from picked where r.event_id = picked.event_id
            returning r.event_id""";

    private final Pool pool;
    private final RetentionConfig config;
    private final Clock clock;

    public PiiRedactor(Pool pool, RetentionConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    /** Redacts batch after batch until one comes back short; emits how many requests were redacted. */
    public Uni<Integer> redactExpired() {
        Instant now = clock.instant();
        OffsetDateTime cutoff = now.minus(config.period()).atOffset(ZoneOffset.UTC);
        return redactFrom(cutoff, now.atOffset(ZoneOffset.UTC), 0);
    }

    /** One batch of at most {@code batch-size} requests; emits how many were redacted. */
    public Uni<Integer> redactBatch(OffsetDateTime cutoff, OffsetDateTime now) {
        int limit = Math.max(1, config.batchSize());
        return pool.preparedQuery(REDACT_BATCH).execute(Tuple.of(cutoff, limit, now)).map(rows -> rows.rowCount());
    }

    private Uni<Integer> redactFrom(OffsetDateTime cutoff, OffsetDateTime now, int doneSoFar) {
        return redactBatch(cutoff, now).chain(redacted -> redacted < Math.max(1, config.batchSize())
                ? Uni.createFrom().item(doneSoFar + redacted)
                : redactFrom(cutoff, now, doneSoFar + redacted));
    }
}
