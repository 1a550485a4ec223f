package com.lendingops.taskbridge.ingest;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs a piece of reactive work on its own safe duplicated Vert.x context. Hibernate Reactive binds its
 * session to the current context, so work started from a callback of other work (a serial chain, a timer,
 * a CDI event) must not inherit that context, or two units of work would share one session.
 */
@ApplicationScoped
public class FreshContext {

    private final Vertx vertx;

    public FreshContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
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
}
