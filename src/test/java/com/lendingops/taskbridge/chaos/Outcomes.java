package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's output topic as a deduplicating consumer sees it: the first record of each ce_id, in topic order,
 * grouped by collection event (outcomes) and by incs task (changes), plus the conflicts and repeats on ce_id.
 */
final class Outcomes {

    /** One published event: its type, data and position in its key's order. */
    record Event(String type, JsonNode data, String key, int partition, long offset, long seenNanos) {
        String shortType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    final Map<String, List<Event>> byEventId = new LinkedHashMap<>();
    final Map<Long, List<Event>> byTaskId = new LinkedHashMap<>();
    final List<Event> deduplicated = new ArrayList<>();
    int republished;
    final List<String> conflicts = new ArrayList<>();

    Outcomes(List<TopicWatcher.Seen> output) {
        Map<String, TopicWatcher.Seen> firstByCeId = new LinkedHashMap<>();
        for (TopicWatcher.Seen seen : output) {
            String ceId = seen.header("ce_id");
            TopicWatcher.Seen first = firstByCeId.putIfAbsent(ceId, seen);
            if (first == null) {
                Event event = new Event(seen.header("ce_type"), parse(seen), seen.key(), seen.partition(), seen.offset(),
                        seen.seenNanos());
                deduplicated.add(event);
                String eventId = event.data().path("event_id").asText(null);
                if (eventId != null && isOutcome(event.shortType())) {
                    byEventId.computeIfAbsent(eventId, k -> new ArrayList<>()).add(event);
                }
                if (event.data().hasNonNull("task_id")) {
                    byTaskId.computeIfAbsent(event.data().get("task_id").asLong(), k -> new ArrayList<>()).add(event);
                }
            } else {
                republished++;
                if (!java.util.Arrays.equals(first.value(), seen.value())
                        || !String.valueOf(first.header("ce_type")).equals(seen.header("ce_type"))) {
                    conflicts.add("ce_id " + ceId + " published with different content: " + first.text() + " / "
                            + seen.text());
                }
            }
        }
    }

    static boolean isOutcome(String shortType) {
        return switch (shortType) {
            case "created", "rejected", "failed", "deferred" -> true;
            default -> false;
        };
    }

    /** The last outcome published for a collection event, or null. */
    Event finalOutcome(String eventId) {
        List<Event> events = byEventId.get(eventId);
        return events == null ? null : events.get(events.size() - 1);
    }

    private static JsonNode parse(TopicWatcher.Seen seen) {
        try {
            return EventTemplate.JSON.readTree(seen.value());
        } catch (IOException | RuntimeException e) {
            return EventTemplate.JSON.createObjectNode().put("unparsable", seen.text());
        }
    }
}
