package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.config.OutboxConfig;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseFence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Publishes pending outbox rows to Kafka, leader only. Rows of one key are sent one after the other,
 * each only after the broker acknowledged the previous one, and a key stops at its first failure:
 * a later row can therefore never reach the topic before an earlier row of its key, even when two
 * relays overlap during a lease hand-over. Keys are independent and go concurrently. A row is marked
 * published only after its acknowledgement, and only while this replica's lease tenure (fence) is current;
 * a failure leaves it pending with a retry time for its key (the next passes read past that key), and a
 * row Kafka refuses for good is parked after {@code park-after-attempts}. When every key of a pass fails
 * (the broker is down) the whole relay backs off. Kafka outages lose nothing and at worst duplicate
 * (consumers dedupe on ce_id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Passes one tick may run back to back while each finds a full batch. */
    static final int MAX_PASSES_PER_TICK = 50;

    private final OutboxStore store;
    private final OutboxSender sender;
    private final LeaderLease lease;
    private final OutboxConfig config;
    private final RelayBackoff backoff;
    private final PublishFreshness freshness;
    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private volatile boolean stopping;

    public OutboxRelay(OutboxStore store, OutboxSender sender, LeaderLease lease, OutboxConfig config,
                       MeterRegistry registry, PublishFreshness freshness) {
        this.store = store;
        this.freshness = freshness;
        this.sender = sender;
        this.lease = lease;
        this.config = config;
        this.backoff = new RelayBackoff(config.backoffInitial(), config.backoffMax());
        this.published = Counter.builder("outbox.published").description("outbox rows acknowledged by Kafka")
                .register(registry);
        this.failures = Counter.builder("outbox.publish.failures").description("outbox rows Kafka refused")
                .register(registry);
        this.parked = Counter.builder("outbox.parked.rows").description("outbox rows parked after refusals")
                .register(registry);
    }

    /**
     * The scheduled work: only the lease holder relays, and not while backing off. A pass that found a full batch
     * is followed at once by the next (up to {@value #MAX_PASSES_PER_TICK} per tick), so a backlog drains at the
     * broker's pace instead of one batch per poll interval (which capped the relay at about 100 rows a tick).
     */
    public Uni<Void> tick() {
        if (!mayRelay()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::relayOnce)
                .repeat().whilst(this::foundFullBatch)
                .select().first(MAX_PASSES_PER_TICK)
                .collect().last()
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private boolean mayRelay() {
        return lease.isLeader() && !backoff.waiting() && !stopping;
    }

    private boolean foundFullBatch(RelayResult result) {
        return result.published().size() + result.failures().size() >= config.batchSize() && mayRelay();
    }

    /** One pass over the oldest pending rows under this replica's lease; a pass already running makes this a no-op. */
    public Uni<RelayResult> relayOnce() {
        return Uni.createFrom().deferred(() -> {
            Optional<LeaseFence> fence = lease.currentFence();
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (fence.isEmpty() || stopping || !running.compareAndSet(null, done)) {
                return Uni.createFrom().item(RelayResult.EMPTY);
            }
            return pass(fence.get()).onTermination().invoke(() -> {
                running.set(null);
                done.complete(null);
            });
        });
    }

    /** Stops sending at the next row and emits when the running pass has ended (shutdown). */
    public Uni<Void> stop() {
        stopping = true;
        CompletableFuture<Void> current = running.get();
        return current == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(current);
    }

    private Uni<RelayResult> pass(LeaseFence fence) {
        return store.pending(config.batchSize())
                .chain(rows -> publishByKey(rows, fence))
                .call(result -> store.markPublished(result.published(), fence).invoke(current -> {
                    if (!current) {
                        LOG.warnf("lease epoch %d ended during the pass: %d acknowledged rows left for the new leader",
                                fence.epoch(), result.published().size());
                    }
                }))
                .call(result -> store.recordFailures(result.failures(), config.backoffInitial(), config.backoffMax(),
                        config.parkAfterAttempts()).invoke(this::reportParked))
                .invoke(this::recordOutcome)
                .onFailure().invoke(e -> pause("outbox relay pass failed", e));
    }

    private Uni<RelayResult> publishByKey(List<PendingEvent> rows, LeaseFence fence) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(RelayResult.EMPTY);
        }
        Map<String, List<PendingEvent>> byKey = rows.stream()
                .collect(Collectors.groupingBy(PendingEvent::recordKey, LinkedHashMap::new, Collectors.toList()));
        List<Uni<RelayResult>> chains = byKey.values().stream()
                .map(keyRows -> publishInOrder(keyRows, 0, new ArrayList<>(), fence)).toList();
        return Uni.join().all(chains).andCollectFailures().map(RelayResult::merge);
    }

    private Uni<RelayResult> publishInOrder(List<PendingEvent> rows, int index, List<Long> acked, LeaseFence fence) {
        if (index >= rows.size() || stopping || !lease.stillHolds(fence)) {
            return Uni.createFrom().item(new RelayResult(List.copyOf(acked), List.of()));
        }
        PendingEvent row = rows.get(index);
        return sender.send(row)
                .map(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(e -> e)
                .chain(failure -> {
                    if (failure != null) {
                        LOG.debugf("outbox row %d (%s) not acknowledged: %s", row.id(), row.ceType(), failure.getMessage());
                        return Uni.createFrom().item(new RelayResult(List.copyOf(acked),
                                List.of(RelayFailure.of(row, failure))));
                    }
                    acked.add(row.id());
                    freshness.published(row);
                    return publishInOrder(rows, index + 1, acked, fence);
                });
    }

    private void reportParked(int count) {
        if (count > 0) {
            parked.increment(count);
            LOG.errorf("%d outbox rows parked: Kafka refused them %d times for good; see outbox_event.last_error",
                    count, config.parkAfterAttempts());
        }
    }

    private void recordOutcome(RelayResult result) {
        published.increment(result.published().size());
        failures.increment(result.failures().size());
        if (!result.failures().isEmpty() && result.published().isEmpty()
                && result.failures().stream().noneMatch(RelayFailure::permanent)) {
            pause(result.failures().size() + " keys could not be published", null);
        } else {
            backoff.succeeded();
            if (!result.failures().isEmpty()) {
                LOG.warnf("%d keys could not be published and wait for their retry time; other keys go on",
                        result.failures().size());
            }
        }
    }

    private void pause(String what, Throwable cause) {
        Duration pause = backoff.failed();
        LOG.warnf("%s%s; next attempt in %s", what, cause == null ? "" : ": " + cause.getMessage(), pause);
    }
}
