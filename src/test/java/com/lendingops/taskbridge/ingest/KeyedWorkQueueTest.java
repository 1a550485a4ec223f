package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.context.FreshContexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

    private final Vertx vertx = Vertx.vertx();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void runsUnitsOfOneKeyInOrderAndUnitsOfDifferentKeysConcurrently() {
        KeyedWorkQueue queue = new KeyedWorkQueue(10, new FreshContexts(vertx));

        queue.submit("case-a", "a1", unit("a1")).await().indefinitely();
        queue.submit("case-a", "a2", unit("a2")).await().indefinitely();
        queue.submit("case-b", "b1", unit("b1")).await().indefinitely();

        await().atMost(Duration.ofSeconds(30)).until(() -> started.containsAll(Set.of("a1", "b1")));
        assertThat(started).doesNotContain("a2");

        release("a1");
        await().atMost(Duration.ofSeconds(30)).until(() -> started.contains("a2"));
    }

    @Test
    void theSchedulerAlwaysFindsItsReservedSlotsWhileIntakeIsFull() {
        KeyedWorkQueue queue = new KeyedWorkQueue(4, 1, new FreshContexts(vertx));
        for (int i = 1; i <= 3; i++) {
            queue.submit("k" + i, "u" + i, unit("u" + i)).await().indefinitely();
        }
        CompletableFuture<Void> fourth = queue.submit("k4", "u4", unit("u4")).subscribeAsCompletionStage();

        assertThat(fourth).as("intake holds at most capacity less the reserve").isNotDone();
        assertThat(queue.freeSlotsForScheduler()).isEqualTo(1);
        assertThat(queue.trySubmit("k5", "s1", unit("s1"))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> started.contains("s1"));
        assertThat(queue.trySubmit("k6", "s2", unit("s2"))).isFalse();
    }

    @Test
    void admitsNoMoreThanItsCapacityUntilAUnitFinishes() {
        KeyedWorkQueue queue = new KeyedWorkQueue(2, new FreshContexts(vertx));
        queue.submit("k1", "u1", unit("u1")).await().indefinitely();
        queue.submit("k2", "u2", unit("u2")).await().indefinitely();

        CompletableFuture<Void> third = queue.submit("k3", "u3", unit("u3")).subscribeAsCompletionStage();

        await().atMost(Duration.ofSeconds(30)).until(() -> started.containsAll(Set.of("u1", "u2")));
        assertThat(third).isNotDone();
        assertThat(queue.freeSlots()).isZero();

        release("u2");
        await().atMost(Duration.ofSeconds(30)).until(() -> third.isDone() && started.contains("u3"));
        assertThat(queue.inFlight()).isEqualTo(2);
    }

    @Test
    void refusesToScheduleAUnitWhoseIdIsAlreadyAdmitted() {
        KeyedWorkQueue queue = new KeyedWorkQueue(10, new FreshContexts(vertx));
        queue.submit("case-a", "event-1", unit("first")).await().indefinitely();

        assertThat(queue.trySubmit("case-a", "event-1", unit("second"))).isFalse();
        assertThat(queue.trySubmit("case-b", "event-2", unit("other"))).isTrue();

        release("first");
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.trySubmit("case-a", "event-1", unit("again")));
    }

    @Test
    void carriesOnWithTheLaneAfterAFailedUnit() {
        KeyedWorkQueue queue = new KeyedWorkQueue(10, new FreshContexts(vertx));
        queue.submit("case-a", "boom", () -> Uni.createFrom().failure(new IllegalStateException("boom")))
                .await().indefinitely();
        queue.submit("case-a", "next", unit("next")).await().indefinitely();

        await().atMost(Duration.ofSeconds(30)).until(() -> started.contains("next"));
    }

    /** A unit that records its start and finishes when the test releases it. */
    private Supplier<Uni<Void>> unit(String name) {
        CompletableFuture<Void> gate = gates.computeIfAbsent(name, n -> new CompletableFuture<>());
        return () -> {
            started.add(name);
            return Uni.createFrom().completionStage(gate);
        };
    }

    private void release(String name) {
        gates.get(name).complete(null);
    }
}
