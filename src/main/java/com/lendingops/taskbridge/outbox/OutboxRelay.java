package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.config.OutboxConfig;
import com.lendingops.taskbridge.sync.LeaderLease;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Publishes pending outbox rows to Kafka, leader only. Rows of one key are sent one after the other,
 * each only after the broker acknowledged the previous one, and a key stops at its first failure:
 * a later row can therefore never reach the topic before an earlier row of its key, even when two
 * relays overlap during a lease hand-over. Keys are independent and go concurrently. A row is marked
 * published only after its acknowledgement; a failure leaves it pending for the next pass (backoff),
 * so Kafka outages lose nothing and at worst duplicate (consumers dedupe on ce_id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxSender sender;
    private final LeaderLease lease;
    private final OutboxConfig config;
    private final RelayBackoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(OutboxStore store, OutboxSender sender, LeaderLease lease, OutboxConfig config,
                       MeterRegistry registry) {
        this.store = store;
        this.sender = sender;
        this.lease = lease;
        this.config = config;
        this.backoff = new RelayBackoff(config.backoffInitial(), config.backoffMax());
        this.published = Counter.builder("outbox.published").description("outbox rows acknowledged by Kafka")
                .register(registry);
        this.failures = Counter.builder("outbox.publish.failures").description("outbox rows Kafka refused")
                .register(registry);
    }

    /** The scheduled pass: only the lease holder relays, and not while backing off. */
    public Uni<Void> tick() {
        if (!lease.isLeader() || backoff.waiting()) {
            return Uni.createFrom().voidItem();
        }
        return relayOnce().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** One pass over the oldest pending rows, leader or not; a pass already running makes this a no-op. */
    public Uni<RelayResult> relayOnce() {
        return Uni.createFrom().deferred(() -> running.compareAndSet(false, true) ? pass()
                : Uni.createFrom().item(RelayResult.EMPTY));
    }

    private Uni<RelayResult> pass() {
        return store.pending(config.batchSize())
                .chain(this::publishByKey)
                .call(result -> store.markPublished(result.published()))
                .call(result -> store.countFailedAttempt(result.failed()))
                .invoke(this::recordOutcome)
                .onFailure().invoke(e -> pause("outbox relay pass failed", e))
                .onTermination().invoke(() -> running.set(false));
    }

    private Uni<RelayResult> publishByKey(List<PendingEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(RelayResult.EMPTY);
        }
        Map<String, List<PendingEvent>> byKey = rows.stream()
                .collect(Collectors.groupingBy(PendingEvent::recordKey, LinkedHashMap::new, Collectors.toList()));
        List<Uni<RelayResult>> chains = byKey.values().stream()
                .map(keyRows -> publishInOrder(keyRows, 0, new ArrayList<>())).toList();
        return Uni.join().all(chains).andCollectFailures().map(RelayResult::merge);
    }

    private Uni<RelayResult> publishInOrder(List<PendingEvent> rows, int index, List<Long> acked) {
        PendingEvent row = rows.get(index);
        return sender.send(row)
                .map(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(e -> e)
                .chain(failure -> {
                    if (failure != null) {
                        LOG.debugf("outbox row %d (%s) not acknowledged: %s", row.id(), row.ceType(), failure.getMessage());
                        return Uni.createFrom().item(new RelayResult(List.copyOf(acked), List.of(row.id())));
                    }
                    acked.add(row.id());
                    return index + 1 < rows.size() ? publishInOrder(rows, index + 1, acked)
                            : Uni.createFrom().item(new RelayResult(List.copyOf(acked), List.of()));
                });
    }

    private void recordOutcome(RelayResult result) {
        published.increment(result.published().size());
        failures.increment(result.failed().size());
        if (result.failed().isEmpty()) {
            backoff.succeeded();
        } else {
            pause(result.failed().size() + " keys could not be published", null);
        }
    }

    private void pause(String what, Throwable cause) {
        Duration pause = backoff.failed();
        LOG.warnf("%s%s; next attempt in %s", what, cause == null ? "" : ": " + cause.getMessage(), pause);
    }
}
