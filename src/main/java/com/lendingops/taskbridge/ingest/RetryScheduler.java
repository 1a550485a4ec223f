package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.context.FreshContexts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.task.TaskEnded;
import com.lendingops.taskbridge.tracing.Spans;
import com.lendingops.taskbridge.tracing.TraceParents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Drives every request that is not finished, from the database alone, so nothing depends on memory or on Kafka
 * redelivery: retries, requests whose claimant died or stalled (expired claim), requests that waited behind an
 * earlier one of their case, deferred requests whose phone became free or whose time came. What is due is the
 * lifecycle's rule ({@link DueQuery}); each tick claims due rows for this replica (fence token + 1) and runs them
 * through the same {@link KeyedWorkQueue} as consumed events, in slots that intake can never fill
 * ({@code scheduler-reserved-share}), so recoveries progress during a Kafka backlog. Each claimed request runs in
 * a {@value #RETRY_SPAN} span of the trace its collection event started (the traceparent stored at intake).
 */
@ApplicationScoped
public class RetryScheduler {

    private static final Logger LOG = Logger.getLogger(RetryScheduler.class);
    /** Name of the span of one scheduled step of a stored request. */
    public static final String RETRY_SPAN = "stored request retry";

    private final Pool pool;
    private final KeyedWorkQueue queue;
    private final RequestSubmitter submitter;
    private final RequestStore store;
    private final RequestLifecycle lifecycle;
    private final IncsClient client;
    private final IngestMetrics metrics;
    private final FreshContexts contexts;
    private final ReplicaId replica;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration settle;
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Set at shutdown: polls would only meet the closing database pool. */
    private volatile boolean stopping;
    private final Spans spans;

    public RetryScheduler(Pool pool, KeyedWorkQueue queue, RequestSubmitter submitter, RequestStore store,
                          RequestLifecycle lifecycle, IncsClient client, IngestMetrics metrics, FreshContexts contexts,
                          ReplicaId replica, ObjectMapper json, Clock clock, IngestConfig config, Spans spans) {
        this.spans = spans;
        this.pool = pool;
        this.queue = queue;
        this.submitter = submitter;
        this.store = store;
        this.lifecycle = lifecycle;
        this.client = client;
        this.metrics = metrics;
        this.contexts = contexts;
        this.replica = replica;
        this.json = json;
        this.clock = clock;
        this.settle = config.reconcile().settleTime();
    }

    @Scheduled(every = "${bridge.ingest.retry.poll-interval:1s}", delayed = "${bridge.ingest.retry.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return poll();
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countDeferred() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return store.timed(pool.query("select count(*), min(deferred_since) from task_request where state = 'deferred'")
                        .execute())
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    metrics.deferredCount(row.getLong(0));
                    OffsetDateTime oldest = row.getOffsetDateTime(1);
                    metrics.oldestDeferredSince(oldest == null ? null : oldest.toInstant());
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** A task of ours ended: its phone may be free for the oldest deferred request. */
    void onTaskEnded(@Observes TaskEnded ended) {
        pollSoon();
    }

    void onTaskEndedAsync(@ObservesAsync TaskEnded ended) {
        pollSoon();
    }

    /** Polls now on a fresh context, outside the caller's thread and transaction; failures are logged. */
    public void pollSoon() {
        contexts.run(this::poll).subscribe().with(ignored -> { }, failure -> LOG.warn("retry poll failed", failure));
    }

    /** Claims what is due, up to the free room in the work queue (reserved share included), and hands it over. */
    public Uni<Void> poll() {
        int room = queue.freeSlotsForScheduler();
        if (stopping || room == 0 || !client.isAvailable() || !polling.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Tuple args = Tuple.tuple().addValue(RequestStore.at(now)).addValue(RequestStore.at(now.minus(settle)))
                .addValue(room).addValue(replica.id()).addValue(RequestStore.at(lifecycle.claimUntil(now)));
        return store.timed(pool.preparedQuery(DueQuery.CLAIM).execute(args))
                .chain(this::dispatch)
                .onFailure().invoke(failure -> LOG.warnf("retry scheduler could not claim due requests: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> polling.set(false))
                .replaceWithVoid();
    }

    private Uni<Void> dispatch(RowSet<Row> rows) {
        List<RequestRow> refused = new ArrayList<>();
        if (rows.size() > 0) {
            LOG.debugf("claimed %d due requests", rows.size());
        }
        for (Row row : rows) {
            RequestRow claimed = RequestStore.rowOf(row);
            CreateTaskCommand command = commandOf(row);
            OffsetDateTime receivedAt = row.getOffsetDateTime("received_at");
            RequestSubmitter.Claimed work = new RequestSubmitter.Claimed(claimed, command, false,
                    receivedAt == null ? null : receivedAt.toInstant());
            Context trace = TraceParents.parent(row.getString("traceparent"));
            Attributes ids = Attributes.of(AttributeKey.stringKey(Spans.EVENT_ID), claimed.eventId(),
                    AttributeKey.stringKey(Spans.CASE_ID), claimed.caseId());
            if (!queue.trySubmit(claimed.caseId(), claimed.eventId(),
                    () -> spans.inSpan(RETRY_SPAN, trace, ids, retry -> submitter.submit(work)))) {
                refused.add(claimed);
            }
        }
        // The queue filled up meanwhile, or this request is being worked on here already: give the claim back.
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(refused.stream().map(store::release).toList()).andCollectFailures().replaceWithVoid();
    }

    private CreateTaskCommand commandOf(Row row) {
        try {
            return json.readValue(row.getString("request_body"), CreateTaskCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request body of " + row.getString("event_id") + " is unreadable",
                    e);
        }
    }
}
