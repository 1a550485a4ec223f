package com.lendingops.taskbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.config.OutboxConfig;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseFence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The relay's ordering rules against an in-memory outbox and a broker stand-in that fails on demand. */
class RelayOrderingTest {

    private final List<PendingEvent> pending = new CopyOnWriteArrayList<>();
    private final List<Long> markedPublished = new CopyOnWriteArrayList<>();
    private final List<Long> sent = new CopyOnWriteArrayList<>();
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> inFlightPerKey = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlightOfAKey = new AtomicInteger();

    private final OutboxStore store = new OutboxStore(null) {
        @Override
        public Uni<List<PendingEvent>> pending(int limit) {
            return Uni.createFrom().item(pending.stream().filter(e -> !markedPublished.contains(e.id()))
                    .limit(limit).toList());
        }

        @Override
        public Uni<Boolean> markPublished(List<Long> ids, LeaseFence fence) {
            markedPublished.addAll(ids);
            return Uni.createFrom().item(true);
        }

        @Override
        public Uni<Integer> recordFailures(List<RelayFailure> failures, Duration initial, Duration max,
                                           int parkAfter) {
            return Uni.createFrom().item(0);
        }
    };

    private final OutboxSender broker = event -> {
        AtomicInteger inFlight = inFlightPerKey.computeIfAbsent(event.recordKey(), k -> new AtomicInteger());
        maxInFlightOfAKey.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sent.add(event.id());
        Uni<Void> ack = refused.contains(event.id())
                ? Uni.createFrom().failure(new IllegalStateException("broker refused " + event.id()))
                : Uni.createFrom().voidItem();
        return ack.onItem().delayIt().by(Duration.ofMillis(5)).eventually(inFlight::decrementAndGet);
    };

    private final OutboxRelay relay = new OutboxRelay(store, broker, new AlwaysLeader(), new Config(),
            new SimpleMeterRegistry(), new PublishFreshness(new SimpleMeterRegistry(), Clock.systemUTC()));

    @Test
    void laterRowsOfAKeyAreNotSentAfterAnEarlierRowFailed() {
        append(1, "K1");
        append(2, "K2");
        append(3, "K1");
        append(4, "K1");
        append(5, "K2");
        append(6, "K3");
        refused.add(3L);

        RelayResult result = pass();

        assertThat(result.failed()).containsExactly(3L);
        assertThat(result.published()).containsExactlyInAnyOrder(1L, 2L, 5L, 6L);
        assertThat(sent).doesNotContain(4L);
        assertThat(markedPublished).doesNotContain(3L, 4L);
    }

    @Test
    void failedRowsAreSentAgainInOrderOnTheNextPass() {
        append(1, "K1");
        append(2, "K1");
        append(3, "K1");
        refused.add(2L);
        pass();
        refused.clear();
        sent.clear();

        RelayResult second = pass();

        assertThat(sent).containsExactly(2L, 3L);
        assertThat(second.published()).containsExactly(2L, 3L);
        assertThat(markedPublished).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aKeyNeverHasTwoRecordsInFlightWhileKeysGoConcurrently() {
        for (long id = 1; id <= 60; id++) {
            append(id, "K" + (id % 4));
        }

        RelayResult result = pass();

        assertThat(result.published()).hasSize(60);
        assertThat(maxInFlightOfAKey.get()).isEqualTo(1);
        for (int key = 0; key < 4; key++) {
            String name = "K" + key;
            List<Long> order = sent.stream().filter(id -> ("K" + (id % 4)).equals(name)).toList();
            List<Long> sorted = new ArrayList<>(order);
            Collections.sort(sorted);
            assertThat(order).as("send order of %s", name).isEqualTo(sorted);
        }
    }

    private RelayResult pass() {
        return relay.relayOnce().await().atMost(Duration.ofSeconds(30));
    }

    private void append(long id, String key) {
        pending.add(new PendingEvent(id, "ce-" + id, "collection.task.remarked", "77", OffsetDateTime.now(), key,
                "{}"));
    }

    /** A lease this test's relay always holds, under one tenure. */
    private static final class AlwaysLeader extends LeaderLease {
        private static final LeaseFence FENCE = new LeaseFence("unused", "test", 1);

        AlwaysLeader() {
            super(null, FENCE.name(), FENCE.holder(), Duration.ofSeconds(1));
        }

        @Override
        public Optional<LeaseFence> currentFence() {
            return Optional.of(FENCE);
        }

        @Override
        public boolean isLeader() {
            return true;
        }
    }

    /** The relay settings this test needs; the rest are never read by a pass. */
    private record Config() implements OutboxConfig {
        public boolean enabled() { return true; }
        public String topic() { return "collection-task-events"; }
        public String source() { return "/collection-task-bridge"; }
        public Duration pollInterval() { return Duration.ofMillis(100); }
        public int batchSize() { return 100; }
        public Duration backoffInitial() { return Duration.ofMillis(10); }
        public Duration backoffMax() { return Duration.ofMillis(100); }
        public Duration retention() { return Duration.ofDays(7); }
        public Duration pruneInterval() { return Duration.ofHours(1); }
        public Duration metricsInterval() { return Duration.ofSeconds(5); }
        public int parkAfterAttempts() { return 3; }
    }
}
