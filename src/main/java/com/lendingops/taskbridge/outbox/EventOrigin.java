package com.lendingops.taskbridge.outbox;

import java.time.OffsetDateTime;

/**
 * Where the events of one write come from, stored on their outbox rows: the trace they belong to and, for events
 * about a request, when its collection event was consumed. The relay publishes the traceparent with the record (so a
 * downstream consumer continues the trace) and measures freshness from the origin instant.
 *
 * @param traceparent W3C traceparent of the request's trace or of the sync cycle; null when tracing is off
 * @param consumedAt  when the collection event was consumed; null for events the sync finds (their origin is the
 *                    incs time of the change, the event's own time)
 */
public record EventOrigin(String traceparent, OffsetDateTime consumedAt) {

    /** No trace, no consume time (writes outside a traced unit). */
    public static final EventOrigin NONE = new EventOrigin(null, null);

    /** Events of a sync cycle: the cycle's trace; their origin is the change's incs time. */
    public static EventOrigin ofTrace(String traceparent) {
        return new EventOrigin(traceparent, null);
    }
}
