package com.lendingops.taskbridge.logging;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The MDC fields that tie a log line to a request or task: {@code event_id}, {@code case_id}, {@code task_id}.
 * <p>
 * A unit of work (an ingest unit runs on a fresh duplicated Vert.x context of its own) sets them once, at its start;
 * Quarkus keeps the MDC in the current duplicated context (VertxMDC), so they never leak into another unit. But the
 * reactive libraries continue a unit on other duplicated contexts (the database pool's, for one), carrying the
 * OpenTelemetry context along and rebuilding the MDC there with the trace ids only. So the unit's fields also live
 * in a map that travels with it: a local of its first context and an entry of its span's OpenTelemetry context
 * ({@link #carriedBy}); the log filter ({@link SensitiveDataFilter}) puts them back on any line that lost them
 * ({@link #restoreOn}). Shared contexts (a sync cycle, a timer) use {@link #aboutTask} / {@link #aboutRequest},
 * which set the fields for one line.
 */
public final class LogFields {

    public static final String EVENT_ID = "event_id";
    public static final String CASE_ID = "case_id";
    public static final String TASK_ID = "task_id";

    private static final String LOCAL = LogFields.class.getName();
    private static final ContextKey<Map<String, String>> KEY = ContextKey.named(LOCAL);

    private LogFields() {
    }

    /** Starts the fields of a new unit of work (on its own duplicated context): it is about this request. */
    public static void request(String eventId, String caseId) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(LOCAL, new ConcurrentHashMap<String, String>());
        }
        unitField(EVENT_ID, eventId);
        unitField(CASE_ID, caseId);
    }

    /** The OpenTelemetry context of the unit's span, carrying the unit's fields wherever the span goes. */
    public static Context carriedBy(Context spanContext) {
        Map<String, String> fields = unitFields();
        return fields == null ? spanContext : spanContext.with(KEY, fields);
    }

    /** Marks the rest of the current unit of work as about this task too (once the request has one). */
    public static void task(Long taskId) {
        unitField(TASK_ID, taskId == null ? null : taskId.toString());
    }

    /** Adds the fields of the current unit of work that the record's MDC lacks. */
    static void restoreOn(ExtLogRecord record) {
        Map<String, String> fields = unitFields();
        if (fields != null) {
            fields.forEach((key, value) -> {
                if (record.getMdc(key) == null) {
                    record.putMdc(key, value);
                }
            });
        }
    }

    /** Logs one line with {@code task_id} set, restoring what was there, for code that runs on shared contexts. */
    public static void aboutTask(long taskId, Runnable log) {
        Object before = MDC.get(TASK_ID);
        MDC.put(TASK_ID, Long.toString(taskId));
        try {
            log.run();
        } finally {
            restore(TASK_ID, before);
        }
    }

    /** Logs one line with {@code event_id} and {@code case_id} set (before a unit of work exists for them). */
    public static void aboutRequest(String eventId, String caseId, Runnable log) {
        Object eventBefore = MDC.get(EVENT_ID);
        Object caseBefore = MDC.get(CASE_ID);
        put(EVENT_ID, eventId);
        put(CASE_ID, caseId);
        try {
            log.run();
        } finally {
            restore(EVENT_ID, eventBefore);
            restore(CASE_ID, caseBefore);
        }
    }

    private static void unitField(String key, String value) {
        put(key, value);
        Map<String, String> fields = unitFields();
        if (fields == null) {
            return;
        }
        if (value == null) {
            fields.remove(key);
        } else {
            fields.put(key, value);
        }
    }

    /** The current unit's fields: from its span's context wherever that went, else from its first context. */
    private static Map<String, String> unitFields() {
        Map<String, String> carried = Context.current().get(KEY);
        if (carried != null) {
            return carried;
        }
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<Map<String, String>>get(LOCAL).orElse(null) : null;
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
