package com.lendingops.taskbridge.local;

/**
 * One record the demo feed publishes to collection-task-requests, and what the bridge should make of it.
 *
 * @param key     record key (case_id), or null
 * @param value   UTF-8 record value, usually JSON, deliberately malformed for some invalid events
 * @param kind    why the feed produced it, shown nowhere but useful to tests and to read the feed
 * @param digits  the customer phone normalised to digits (62...), or null when it has none
 */
record DemoEvent(String key, String value, Kind kind, String digits) {

    /** What the event exercises in the bridge. */
    enum Kind {
        /** A new customer: the bridge creates a task. */
        NEW_CUSTOMER,
        /** A second event for a phone that already has an open task: deferred until it ends. */
        SAME_PHONE_AGAIN,
        /** Fails validation (missing field, bad phone, oversized name, broken JSON): rejected. */
        INVALID,
        /** A type other than collection.task.requested: skipped, not an error. */
        OTHER_EVENT_TYPE
    }
}
