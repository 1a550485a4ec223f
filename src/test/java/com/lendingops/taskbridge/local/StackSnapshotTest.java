package com.lendingops.taskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary line and the end-to-end condition the CI run waits for. */
class StackSnapshotTest {

    @Test
    void endToEndNeedsACreatedTaskAndAStatusChange() {
        assertThat(snapshot(Map.of("created", 3L)).showsEndToEndFlow()).isFalse();
        assertThat(snapshot(Map.of("status-changed", 1L)).showsEndToEndFlow()).isFalse();
        assertThat(snapshot(Map.of("created", 1L, "status-changed", 1L)).showsEndToEndFlow()).isTrue();
    }

    @Test
    void lineShowsFeedConsumptionRequestsPublishedEventsAndIncsTasks() {
        String line = snapshot(Map.of("created", 4L, "status-changed", 2L)).line();

        assertThat(line).startsWith("[1:05] fed 12, consumed 10, dead-lettered 1")
                .contains("requests created 4, deferred 1, rejected 2, failed 0")
                .contains("published created 4, status-changed 2")
                .endsWith("incs tasks 3 open, 1 ended");
    }

    private static StackSnapshot snapshot(Map<String, Long> published) {
        return new StackSnapshot(Duration.ofSeconds(65), 12, 10, 1, Map.of("created", 4L, "deferred", 1L, "rejected", 2L),
                published, Map.of(0, 1L, 1, 2L, 2, 1L));
    }
}
