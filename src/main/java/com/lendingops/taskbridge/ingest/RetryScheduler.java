package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.task.TaskEnded;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Drives every request that is not finished, from the database alone, so nothing depends on memory or on
 * Kafka redelivery: retries after transient failures, requests whose replica died mid-submission (expired
 * claim), requests that waited behind an earlier one of the same case, and deferred requests whose phone
 * became free (our blocking task ended: FIFO per phone) or whose re-submission time came.
 * <p>
 * Each tick claims due rows with {@code FOR UPDATE SKIP LOCKED} and pushes their next_attempt_at forward by
 * the claim duration, so several replicas never take the same request; the claimed requests go through the
 * same {@link KeyedWorkQueue} as consumed events, keeping per-case order and the concurrency bound.
 * Nothing is claimed while incs is unavailable (token refused, circuit open).
 */
@ApplicationScoped
public class RetryScheduler {

    private static final Logger LOG = Logger.getLogger(RetryScheduler.class);

    static final String CLAIM_DUE = """
            with due as (
                select r.event_id, r.ingest_seq from task_request r
                where r.state in ('received', 'submitting') and coalesce(r.next_attempt_at, now()) <= now()
                  and not exists (select 1 from task_request o
                                  where o.case_id = r.case_id and o.state in ('received', 'submitting')
                                    and o.ingest_seq < r.ingest_seq)
                union all
                select r.event_id, r.ingest_seq from task_request r
                where r.state = 'deferred'
                  and not exists (select 1 from task_request o
                                  where o.user_phone = r.user_phone and o.event_id <> r.event_id
                                    and (o.state in ('received', 'submitting')
                                         or (o.state = 'deferred' and o.ingest_seq < r.ingest_seq)))
                  and (r.next_attempt_at <= now()
                       or (r.awaits_own_task
                           and not exists (select 1 from incs_task t
                                           where t.user_phone = r.user_phone and t.status in (0, 1))))
            ), picked as (
                select t.event_id from task_request t join due d on d.event_id = t.event_id
                order by d.ingest_seq limit $1
                for update of t skip locked
            )
            update task_request u set next_attempt_at = now() + make_interval(secs => $2)
            from picked where u.event_id = picked.event_id
            returning u.event_id, u.case_id, u.next_attempt_at
            """;

    static final String RELEASE = """
            update task_request set next_attempt_at = now()
            where event_id = $1 and next_attempt_at = $2 and state in ('received', 'submitting', 'deferred')
            """;

    private final Pool pool;
    private final KeyedWorkQueue queue;
    private final RequestSubmitter submitter;
    private final IncsClient client;
    private final IngestMetrics metrics;
    private final FreshContext contexts;
    private final double claimSeconds;
    private final AtomicBoolean polling = new AtomicBoolean();

    public RetryScheduler(Pool pool, KeyedWorkQueue queue, RequestSubmitter submitter, IncsClient client,
                          IngestMetrics metrics, FreshContext contexts, IngestConfig config) {
        this.pool = pool;
        this.queue = queue;
        this.submitter = submitter;
        this.client = client;
        this.metrics = metrics;
        this.contexts = contexts;
        this.claimSeconds = config.retry().claimDuration().toMillis() / 1000.0;
    }

    @Scheduled(every = "${bridge.ingest.retry.poll-interval:1s}", delayed = "${bridge.ingest.retry.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return poll();
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countDeferred() {
        return pool.query("select count(*) from task_request where state = 'deferred'").execute()
                .invoke(rows -> metrics.deferredCount(rows.iterator().next().getLong(0)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A task of ours ended: its phone may be free for the oldest deferred request. */
    void onTaskEnded(@Observes TaskEnded ended) {
        pollSoon();
    }

    void onTaskEndedAsync(@ObservesAsync TaskEnded ended) {
        pollSoon();
    }

    /** Polls now on a fresh context, outside the caller's thread and transaction. */
    public void pollSoon() {
        contexts.run(this::poll).subscribe().with(ignored -> { }, failure -> LOG.warn("retry poll failed", failure));
    }

    /** Claims what is due, up to the free room in the work queue, and hands it over. */
    public Uni<Void> poll() {
        int room = queue.freeSlots();
        if (room == 0 || !client.isAvailable() || !polling.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(CLAIM_DUE).execute(Tuple.of(room, claimSeconds))
                .chain(rows -> dispatch(rows))
                .onFailure().invoke(failure -> LOG.warnf("retry scheduler could not read due requests: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> polling.set(false))
                .replaceWithVoid();
    }

    private Uni<Void> dispatch(Iterable<Row> rows) {
        List<Tuple> refused = new ArrayList<>();
        for (Row row : rows) {
            String eventId = row.getString("event_id");
            if (!queue.trySubmit(row.getString("case_id"), eventId, () -> submitter.submit(eventId))) {
                refused.add(Tuple.of(eventId, row.getOffsetDateTime("next_attempt_at")));
            }
        }
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // The queue filled up meanwhile, or this request is being worked on here already: give the claim back
        // unless that work has moved the request on since.
        return pool.preparedQuery(RELEASE).executeBatch(refused).replaceWithVoid();
    }
}
