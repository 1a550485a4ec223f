package com.lendingops.taskbridge.sync;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The points between two steps of a cycle (before each page, lookup and recording transaction) where a stall
 * can be injected: a test freezes a leader there for longer than its lease, as a GC pause or a blocked pool
 * would, in one JVM. In production nothing is armed and each checkpoint passes at once.
 */
@ApplicationScoped
public class SyncCheckpoints {

    /** Where a step is about to start. */
    public enum Step { PAGE, LOOKUP, RECORD }

    private record Armed(Step step, AtomicInteger passesLeft, CompletableFuture<Void> reached,
                         CompletableFuture<Void> release) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /**
     * Stalls the next step of the given kind until {@link Stall#release()}; {@link Stall#reached()} completes
     * when a cycle is stalled there.
     */
    public Stall stallAt(Step step) {
        return stallAt(step, 0);
    }

    /** Lets {@code passes} steps of the given kind through, then stalls the next one, as {@link #stallAt(Step)}. */
    public Stall stallAt(Step step, int passes) {
        Armed next = new Armed(step, new AtomicInteger(passes), new CompletableFuture<>(), new CompletableFuture<>());
        armed.set(next);
        return new Stall(next.reached(), next.release());
    }

    /** A stall armed by {@link #stallAt(Step)}: {@code reached} completes when a cycle waits there. */
    public record Stall(CompletableFuture<Void> reached, CompletableFuture<Void> gate) {
        /** Lets the stalled cycle go on. */
        public void release() {
            gate.complete(null);
        }
    }

    Uni<Void> pass(Step step) {
        Armed current = armed.get();
        if (current == null || current.step() != step || current.passesLeft().getAndDecrement() > 0
                || !armed.compareAndSet(current, null)) {
            return Uni.createFrom().voidItem();
        }
        current.reached().complete(null);
        return Uni.createFrom().completionStage(current.release());
    }
}
