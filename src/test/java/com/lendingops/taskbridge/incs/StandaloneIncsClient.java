package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Arc;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Builds a second, independent {@link IncsClient} from the real classes inside a running test application, with
 * some configuration keys overridden (e.g. a rate budget, a page base). Lets tests try settings that are fixed at
 * start without restarting the application, and stand in for a second replica sharing the same database. Its
 * availability events are discarded so they cannot reach the application's observers.
 */
public final class StandaloneIncsClient {

    private StandaloneIncsClient() {
    }

    /** {@code overrides} maps IncsConfig method names (e.g. "rateLimitPerSecond") to values. */
    public static IncsClient build(IncsConfig base, Map<String, Object> overrides, Pool pool, ObjectMapper mapper) {
        IncsConfig config = override(base, overrides);
        IncsAvailability availability = new IncsAvailability(config, new DiscardedEvents());
        IncsClientMetrics metrics = new IncsClientMetrics(new SimpleMeterRegistry(), availability);
        IncsTransport transport = new IncsTransport(Arc.container().instance(Vertx.class).get(), config);
        IncsGateway gateway = new IncsGateway(config, availability, new RateBudget(pool, config,
                new RateBudgetPressure(config, Clock.systemUTC(), new SimpleMeterRegistry())), transport, metrics,
                mapper, Clock.systemUTC());
        IncsPayloads payloads = new IncsPayloads(mapper);
        TaskLister lister = new TaskLister(gateway, payloads, new PageBase(config), metrics, config);
        return new IncsClient(gateway, payloads, lister, availability);
    }

    static IncsConfig override(IncsConfig base, Map<String, Object> overrides) {
        return (IncsConfig) Proxy.newProxyInstance(IncsConfig.class.getClassLoader(), new Class<?>[] {IncsConfig.class},
                (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    try {
                        return method.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An Event that goes nowhere. */
    private static final class DiscardedEvents implements Event<IncsAvailabilityChanged> {
        @Override
        public void fire(IncsAvailabilityChanged event) {
        }

        @Override
        public <U extends IncsAvailabilityChanged> CompletionStage<U> fireAsync(U event) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends IncsAvailabilityChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public Event<IncsAvailabilityChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends IncsAvailabilityChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends IncsAvailabilityChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
