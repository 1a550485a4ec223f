package com.lendingops.taskbridge.sync;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;

/**
 * Hands out fresh, safe Vert.x duplicated contexts. Hibernate Reactive keeps its session in the
 * context, so work that must not share a session (a sync cycle, a TaskEnded observer) gets its own,
 * wherever it was started from (scheduler, test thread, HTTP callback).
 */
@ApplicationScoped
public class VertxContexts {

    private final Vertx vertx;

    public VertxContexts(Vertx vertx) {
        this.vertx = vertx;
    }

    /** An executor that runs tasks on a new safe duplicated context (the same one for every task). */
    public Executor newSafeContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return task -> context.runOnContext(ignored -> task.run());
    }

    /** Runs the task on its own new safe duplicated context. */
    public void runOnNewSafeContext(Runnable task) {
        newSafeContext().execute(task);
    }
}
