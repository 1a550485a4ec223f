package com.lendingops.taskbridge.incs;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Non-blocking semaphore: at most {@code max} calls run at once; further callers wait in a FIFO queue as pending
 * Unis (no thread is ever parked, no lock is taken: calls come from every event loop). Permits are counted in one
 * atomic integer and taken only by compare-and-set, so two threads can never both take the last one; a waiter's
 * own state is also switched by compare-and-set, so a permit handed to a waiter that was cancelled meanwhile goes
 * back instead of being lost. A cancelled waiter gives up its place; a finished holder hands its permit on.
 */
final class InFlightLimiter {

    private final int max;
    private final AtomicInteger free;
    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();

    InFlightLimiter(int max) {
        this.max = Math.max(1, max);
        this.free = new AtomicInteger(this.max);
    }

    /** Runs {@code call} once a permit is free and releases the permit when it terminates in any way. */
    <T> Uni<T> withPermit(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Waiter waiter = new Waiter();
            return Uni.createFrom().<Void>emitter(emitter -> enqueue(waiter, emitter))
                    .chain(ignored -> call.get())
                    .onTermination().invoke(() -> finish(waiter));
        });
    }

    int inFlight() {
        return max - free.get();
    }

    int queued() {
        return waiting.size();
    }

    private void enqueue(Waiter waiter, UniEmitter<? super Void> emitter) {
        waiter.emitter = emitter;
        // the fast path must not overtake anyone already waiting
        if (waiting.isEmpty() && tryTake()) {
            if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.GRANTED)) {
                emitter.complete(null);
            } else {
                release();
            }
            return;
        }
        waiting.add(waiter);
        // a permit freed between the check above and the add would otherwise wait for the next release
        handOver();
    }

    private void finish(Waiter waiter) {
        if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.CANCELLED)) {
            waiting.remove(waiter);
            return;
        }
        if (waiter.state.compareAndSet(Waiter.GRANTED, Waiter.RELEASED)) {
            release();
        }
    }

    private void release() {
        free.incrementAndGet();
        handOver();
    }

    /** Gives free permits to waiters still waiting, first come first served, while both last. */
    private void handOver() {
        while (!waiting.isEmpty() && tryTake()) {
            Waiter next = waiting.poll();
            if (next != null && next.state.compareAndSet(Waiter.WAITING, Waiter.GRANTED)) {
                next.emitter.complete(null);
            } else {
                free.incrementAndGet(); // nobody left to take it, or the waiter was cancelled meanwhile
            }
        }
    }

    private boolean tryTake() {
        for (int now = free.get(); now > 0; now = free.get()) {
            if (free.compareAndSet(now, now - 1)) {
                return true;
            }
        }
        return false;
    }

    private static final class Waiter {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int RELEASED = 2;
        static final int CANCELLED = 3;
        final AtomicInteger state = new AtomicInteger(WAITING);
        volatile UniEmitter<? super Void> emitter;
    }
}
