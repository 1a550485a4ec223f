package com.lendingops.taskbridge.ingest;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a piece of reactive work on its own safe duplicated Vert.x context, spread round-robin over the event loops.
 * Work started from a callback of other work (the Kafka consumer's context, a timer, a CDI event) must not inherit
 * that context: units would share its state and, worse, all of ingest would run on the one event loop behind it.
 * The base contexts are created once, each from a thread of its own (Vert.x gives a thread outside it a new event-loop
 * context, assigning event loops in turn), using public API only.
 */
@ApplicationScoped
public class FreshContext {

    private final List<Context> bases;
    private final AtomicInteger next = new AtomicInteger();

    public FreshContext(Vertx vertx) {
        this.bases = baseContexts(vertx, 2 * Runtime.getRuntime().availableProcessors());
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context base = bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
            Context context = VertxContext.createNewDuplicatedContext(base);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                Uni<T> uni;
                try {
                    uni = work.get();
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
                uni.subscribe().with(emitter::complete, emitter::fail);
            });
        });
    }

    private static List<Context> baseContexts(Vertx vertx, int count) {
        List<Context> contexts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Context[] holder = new Context[1];
            Thread thread = new Thread(() -> holder[0] = vertx.getOrCreateContext(), "ingest-context-" + i);
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating event-loop contexts", e);
            }
            contexts.add(holder[0]);
        }
        return contexts;
    }
}
