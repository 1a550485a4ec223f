package com.lendingops.taskbridge.incs;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Non-blocking semaphore: at most {@code max} calls run at once; further callers wait in a FIFO queue as
 * pending Unis (no thread is ever parked). A cancelled waiter gives up its place; a cancelled or finished holder
 * hands its permit to the next waiter.
 */
final class InFlightLimiter {

    private final int max;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int inUse;

    InFlightLimiter(int max) {
        this.max = Math.max(1, max);
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

    synchronized int inFlight() {
        return inUse;
    }

    synchronized int queued() {
        return waiting.size();
    }

    private void enqueue(Waiter waiter, UniEmitter<? super Void> emitter) {
        waiter.emitter = emitter;
        boolean granted;
        synchronized (this) {
            granted = inUse < max && waiting.isEmpty();
            if (granted) {
                inUse++;
                waiter.state.set(Waiter.GRANTED);
            } else {
                waiting.addLast(waiter);
            }
        }
        if (granted) {
            emitter.complete(null);
        }
    }

    private void finish(Waiter waiter) {
        if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.CANCELLED)) {
            synchronized (this) {
                waiting.remove(waiter);
            }
            return;
        }
        if (waiter.state.compareAndSet(Waiter.GRANTED, Waiter.RELEASED)) {
            handOver();
        }
    }

    /** Gives the freed permit to the first waiter still waiting, or returns it to the pool. */
    private void handOver() {
        while (true) {
            Waiter next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    inUse--;
                    return;
                }
            }
            if (next.state.compareAndSet(Waiter.WAITING, Waiter.GRANTED)) {
                next.emitter.complete(null);
                return;
            }
        }
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
