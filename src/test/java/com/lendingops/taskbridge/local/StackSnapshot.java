package com.lendingops.taskbridge.local;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local stack has done so far, gathered from outside the bridge (Kafka offsets, the
 * database, the published events, the simulator), so it is true whatever the bridge's metrics say.
 *
 * @param deadLettered records on the dead-letter topic (unreadable events)
 * @param requestsByState task_request rows by state (created, deferred, rejected, failed, ...)
 * @param publishedByType events on collection-task-events by CloudEvents type, without the common prefix
 * @param incsTasksByStatus simulator tasks by status 0..3
 */
record StackSnapshot(Duration elapsed, long fed, long consumed, long deadLettered, Map<String, Long> requestsByState,
                     Map<String, Long> publishedByType, Map<Integer, Long> incsTasksByStatus) {

    static final String TYPE_PREFIX = "collection.task.";

    long published(String shortType) {
        return publishedByType.getOrDefault(shortType, 0L);
    }

    long requests(String state) {
        return requestsByState.getOrDefault(state, 0L);
    }

    /** At least one task created and one status change published: the whole loop has run once. */
    boolean showsEndToEndFlow() {
        return published("created") > 0 && published("status-changed") > 0;
    }

    /** One line, e.g. "[0:42] fed 120, consumed 118, dead-lettered 2 | requests ... | published ... | incs ...". */
    String line() {
        long open = incsTasksByStatus.getOrDefault(0, 0L) + incsTasksByStatus.getOrDefault(1, 0L);
        long ended = incsTasksByStatus.getOrDefault(2, 0L) + incsTasksByStatus.getOrDefault(3, 0L);
        return String.format("[%d:%02d] fed %d, consumed %d, dead-lettered %d | requests created %d, deferred %d,"
                        + " rejected %d, failed %d | published %s | incs tasks %d open, %d ended",
                elapsed.toMinutes(), elapsed.toSecondsPart(), fed, consumed, deadLettered, requests("created"),
                requests("deferred"),
                requests("rejected"), requests("failed"), published(), open, ended);
    }

    private String published() {
        if (publishedByType.isEmpty()) {
            return "nothing yet";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(publishedByType).forEach((type, count) ->
                text.append(text.length() == 0 ? "" : ", ").append(type).append(' ').append(count));
        return text.toString();
    }
}
