package com.lendingops.taskbridge.mapping;

/** What a Kafka record value turned out to be. */
public sealed interface ParsedRecord {

    /** A collection.task.requested event, ready for mapping. */
    record Requested(CollectionEvent event) implements ParsedRecord {
    }

    /** A well-formed event of another type: skipped, not an error. */
    record OtherType(String eventId, String eventType) implements ParsedRecord {
    }

    /**
     * Not a usable event: the record goes to the dead-letter topic.
     *
     * @param code   short machine-readable reason (see {@link MalformedReason})
     * @param detail what exactly is wrong, for the operator reading the dead-letter topic
     */
    record Malformed(MalformedReason code, String detail) implements ParsedRecord {
    }
}
