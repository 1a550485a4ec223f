package com.lendingops.taskbridge.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One line of a request's or case's history, oldest first. Kinds: {@code request} (received, current state),
 * {@code incs_log} (a log incs recorded on the task), {@code event} (a CloudEvent published, or pending, for it)
 * and {@code operator} (an audited operator action).
 *
 * @param at          when it happened
 * @param kind        request, incs_log, event or operator
 * @param title       short human-readable line
 * @param eventId     the collection event concerned, when known
 * @param taskId      the incs task concerned, when there is one
 * @param ceType      event entries: the CloudEvents type
 * @param ceId        event entries: the CloudEvents id
 * @param publishedAt event entries: when Kafka acknowledged it (null while pending)
 * @param pending     event entries: true while not yet published
 * @param detail      more text (error, remark, status change)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(OffsetDateTime at, String kind, String title, String eventId, Long taskId,
                            String ceType, String ceId, OffsetDateTime publishedAt, Boolean pending, String detail) {

    static TimelineEntry request(OffsetDateTime at, String title, String eventId, Long taskId, String detail) {
        return new TimelineEntry(at, "request", title, eventId, taskId, null, null, null, null, detail);
    }
}
