package com.lendingops.taskbridge.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The W3C {@code traceparent} form in which a trace context leaves the process: into a database column (request,
 * outbox row) and back out as the parent of later work or of the published record. Always W3C, whatever propagators
 * are configured, because the stored value is read back by this code and by downstream consumers alike.
 */
public final class TraceParents {

    /** The header and CloudEvents extension name (CloudEvents distributed tracing extension). */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The traceparent of the context's span, or null when it has no valid span (tracing off, no parent). */
    public static String of(Context context) {
        if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored traceparent stands for (a remote parent); the root context when absent or unreadable. */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                GETTER);
    }

    /** True when the value names a valid span, i.e. a record published with it continues a trace. */
    public static boolean isValid(String traceparent) {
        return Span.fromContext(parent(traceparent)).getSpanContext().isValid();
    }

    /**
     * The context SmallRye's Kafka connector left on a consumed record: its receive span, which continues the
     * record's {@code traceparent} header when it had one (tracing-enabled, the default). Root when there is none.
     */
    public static Context ofMessage(Message<?> message) {
        return TracingMetadata.fromMessage(message)
                .map(metadata -> metadata.getCurrentContext() != null ? metadata.getCurrentContext()
                        : metadata.getPreviousContext())
                .orElse(Context.root());
    }
}
