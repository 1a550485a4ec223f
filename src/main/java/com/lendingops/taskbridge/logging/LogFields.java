package com.lendingops.taskbridge.logging;

import org.jboss.logging.MDC;

/**
 * The MDC fields that tie a log line to a request or task: {@code event_id}, {@code case_id}, {@code task_id}.
 * Quarkus keeps the MDC in the current duplicated Vert.x context (VertxMDC), so fields set at the start of a unit of
 * work (an ingest unit runs on a fresh duplicated context of its own) stay with every line of that unit, whichever
 * event loop continues it, and never leak into another unit. Shared contexts (a sync cycle, a timer) use
 * {@link #aboutTask} instead, which sets the field for one line only.
 */
public final class LogFields {

    public static final String EVENT_ID = "event_id";
    public static final String CASE_ID = "case_id";
    public static final String TASK_ID = "task_id";

    private LogFields() {
    }

    /** Marks the rest of the current unit of work as about this request. */
    public static void request(String eventId, String caseId) {
        put(EVENT_ID, eventId);
        put(CASE_ID, caseId);
    }

    /** Marks the rest of the current unit of work as about this task too (once the request has one). */
    public static void task(Long taskId) {
        put(TASK_ID, taskId == null ? null : taskId.toString());
    }

    /** Logs one line with {@code task_id} set, restoring what was there, for code that runs on shared contexts. */
    public static void aboutTask(long taskId, Runnable log) {
        Object before = MDC.get(TASK_ID);
        MDC.put(TASK_ID, Long.toString(taskId));
        try {
            log.run();
        } finally {
            if (before == null) {
                MDC.remove(TASK_ID);
            } else {
                MDC.put(TASK_ID, before);
            }
        }
    }

    /** Logs one line with {@code event_id} and {@code case_id} set (before a unit of work exists for them). */
    public static void aboutRequest(String eventId, String caseId, Runnable log) {
        Object eventBefore = MDC.get(EVENT_ID);
        Object caseBefore = MDC.get(CASE_ID);
        request(eventId, caseId);
        try {
            log.run();
        } finally {
            restore(EVENT_ID, eventBefore);
            restore(CASE_ID, caseBefore);
        }
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
