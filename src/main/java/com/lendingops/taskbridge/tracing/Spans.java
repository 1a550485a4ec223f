package com.lendingops.taskbridge.tracing;

import com.lendingops.taskbridge.logging.LogFields;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Spans around the bridge's own units of work (intake of a collection event, a retry of a stored request, a sync
 * cycle). A unit's span is made current on the unit's own duplicated Vert.x context, where Quarkus keeps the
 * OpenTelemetry context (and the trace ids in the log MDC), so the incs client spans and log lines of the unit find
 * it; work that is not on a duplicated context gets the span as an explicit parent only, never in a thread local
 * that would leak into unrelated work on the same thread. The span's context also carries the unit's log fields
 * ({@link LogFields#carriedBy}). Spans never carry phones, names or tokens.
 */
@ApplicationScoped
public class Spans {

    /** Attribute keys of the bridge's spans: ids only. */
    public static final String EVENT_ID = "bridge.event_id";
    public static final String CASE_ID = "bridge.case_id";

    private final Tracer tracer;

    public Spans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts a span that the caller ends (a sync cycle spans many Unis; it ends it on termination). */
    public Span start(String name, Context parent, Attributes attributes) {
        return tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).setAllAttributes(attributes)
                .startSpan();
    }

    /**
     * Runs {@code work} inside a new span, a child of {@code parent}, current on the caller's duplicated Vert.x
     * context until the work terminates; the work receives the span's context (to store its traceparent).
     */
    public <T> Uni<T> inSpan(String name, Context parent, Attributes attributes, Function<Context, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = start(name, parent, attributes);
            Context context = LogFields.carriedBy(parent.with(span));
            Scope scope = VertxContext.isOnDuplicatedContext() ? context.makeCurrent() : Scope.noop();
            Uni<T> unit;
            try {
                unit = work.apply(context);
            } catch (RuntimeException e) {
                end(span, e);
                scope.close();
                throw e;
            }
            return unit.onTermination().invoke((item, failure, cancelled) -> {
                end(span, failure);
                scope.close();
            });
        });
    }

    /** Ends a span, marking it failed when the work failed (the type only: messages may hold customer data). */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }
}
