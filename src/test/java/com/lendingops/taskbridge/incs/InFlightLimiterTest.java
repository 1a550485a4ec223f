package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The non-blocking semaphore queues, hands over and forgets cancelled waiters. */
class InFlightLimiterTest {

    private final InFlightLimiter limiter = new InFlightLimiter(2);
    private final List<UniEmitter<? super String>> running = new CopyOnWriteArrayList<>();

    private Uni<String> pendingCall() {
        return limiter.withPermit(() -> Uni.createFrom().emitter(running::add));
    }

    @Test
    void runsAtMostMaxCallsAndStartsAQueuedOneWhenOneEnds() {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pendingCall().subscribe().with(results::add);
        }
        assertThat(running).hasSize(2);
        assertThat(limiter.queued()).isEqualTo(1);

        running.get(0).complete("first");

        assertThat(running).hasSize(3);
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(results).containsExactly("first");
    }

    @Test
    void cancelledWaiterIsSkippedAndPermitsReturnWhenAllEnd() {
        pendingCall().subscribe().with(x -> { }, failure -> { });
        pendingCall().subscribe().with(x -> { }, failure -> { });
        Cancellable waiter = pendingCall().subscribe().with(x -> { }, failure -> { });
        waiter.cancel();
        assertThat(limiter.queued()).isZero();

        running.forEach(emitter -> emitter.fail(new RuntimeException("boom")));

        assertThat(running).hasSize(2);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void neverGrantsMoreThanMaxPermitsUnderConcurrentCallersAndLosesNone() throws Exception {
        InFlightLimiter shared = new InFlightLimiter(3);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.CompletableFuture<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 2000; i++) {
                int id = i;
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> id, threads)
                        .thenCompose(ignored -> shared.withPermit(() -> Uni.createFrom().item(() -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            running.decrementAndGet();
                            return id;
                        }).emitOn(threads)).subscribeAsCompletionStage()));
            }
            java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(1, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(3);
        assertThat(shared.inFlight()).isZero();
        assertThat(shared.queued()).isZero();
    }
}
