package com.lendingops.taskbridge.deadletter;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A record of the dead-letter topic as the API lists it.
 *
 * @param partition     partition of the dead-letter topic
 * @param offset        offset in that partition (with the partition, the record's identity)
 * @param timestamp     when it was dead-lettered
 * @param key           record key (the case id for well-behaved producers), may be null
 * @param reason        {@code dead-letter-reason} header
 * @param cause         {@code dead-letter-cause} header
 * @param code          {@code bridge-dead-letter-code} header
 * @param headers       every header as text
 * @param valuePreview  the value as UTF-8 text, cut to the configured length
 * @param valueTruncated true when the preview is shorter than the value
 */
public record DeadLetter(int partition, long offset, OffsetDateTime timestamp, String key, String reason,
                         String cause, String code, Map<String, String> headers, String valuePreview,
                         boolean valueTruncated) {
}
