package com.lendingops.taskbridge.chaos;

/**
 * One record the suite publishes to the bridge's input topic.
 *
 * @param index    position in the trial's feed, also sent as header {@code chaos-index}
 * @param valid    true for a well-formed event that must become exactly one task
 * @param category what the generator did (valid, byte-flip, nul-in-field, deep-nesting, ...)
 * @param key      record key bytes (null: no key)
 * @param value    record value bytes (null: a tombstone)
 * @param eventId  the event id of a valid event (null for hostile records)
 * @param phone    the normalised phone of a valid event, as incs receives it (null for hostile records)
 */
record ChaosRecord(int index, boolean valid, String category, byte[] key, byte[] value, String eventId,
                   String phone) {
}
