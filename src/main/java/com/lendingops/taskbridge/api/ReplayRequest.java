package com.lendingops.taskbridge.api;

import java.util.List;

/**
 * POST /dead-letters/replay body: the dead letters to send back to the input topic.
 *
 * @param records each by partition and offset, with {@code value} replacing the original value when given
 */
public record ReplayRequest(List<Item> records) {

    /** @param value the corrected record value (UTF-8 JSON text), or null to replay the record unchanged */
    public record Item(Integer partition, Long offset, String value) {
    }
}
