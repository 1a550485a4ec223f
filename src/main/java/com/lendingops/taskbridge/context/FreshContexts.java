package com.lendingops.taskbridge.context;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one way this service starts reactive work on a Vert.x context of its own: a new safe duplicated context, spread
 * round-robin over the event loops. Work started from a callback of other work (the Kafka consumer's context, a
 * timer, a CDI event, a test thread) must not inherit that context: Hibernate Reactive keeps its session there, so
 * units would share a session, and all of that work would run on the one event loop behind it. The base contexts
 * are created once, each from a thread of its own (Vert.x gives a thread outside it a new event-loop context,
 * assigning event loops in turn), using public API only.
 */
@ApplicationScoped
public class FreshContexts {

    private final List<Context> bases;
    private final AtomicInteger next = new AtomicInteger();

    public FreshContexts(Vertx vertx) {
        this.bases = baseContexts(vertx, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** Runs the work on a new safe duplicated context; its outcome is the returned Uni's. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> newContext().runOnContext(ignored -> {
            Uni<T> uni;
            try {
                uni = work.get();
            } catch (RuntimeException e) {
                emitter.fail(e);
                return;
            }
            uni.subscribe().with(emitter::complete, emitter::fail);
        }));
    }

    /** An executor bound to one new safe duplicated context (every task it runs shares that context). */
    public Executor newExecutor() {
        Context context = newContext();
        return task -> context.runOnContext(ignored -> task.run());
    }

    /** Runs the task on a new safe duplicated context of its own. */
    public void execute(Runnable task) {
        newExecutor().execute(task);
    }

    private Context newContext() {
        Context base = bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
        Context context = VertxContext.createNewDuplicatedContext(base);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    private static List<Context> baseContexts(Vertx vertx, int count) {
        List<Context> contexts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Context[] holder = new Context[1];
            Thread thread = new Thread(() -> holder[0] = vertx.getOrCreateContext(), "fresh-context-" + i);
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
