package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackedSetTest {

    private static TrackedTask task(long id) {
        return new TrackedTask(id, 0, "incs_1", false, 0, true, 0, 0);
    }

    private final TrackedSet tracked = TrackedSet.of(List.of(task(30), task(10), task(20), task(40)));

    @Test
    void findsTasksByIdWhateverTheirOrderAndNothingForOthers() {
        assertThat(tracked.size()).isEqualTo(4);
        assertThat(tracked.get(20).taskId()).isEqualTo(20);
        assertThat(tracked.get(25)).isNull();
    }

    @Test
    void theTasksTheScanDidNotReturnAreTheUnmarkedOnesInIdOrder() {
        assertThat(tracked.markSeen(30).taskId()).isEqualTo(30);
        assertThat(tracked.markSeen(10)).isNotNull();
        assertThat(tracked.markSeen(10)).as("a task returned twice (rows shifted between pages)").isNotNull();

        assertThat(tracked.seenCount()).isEqualTo(2);
        assertThat(tracked.unseen()).containsExactly(20L, 40L);
    }

    @Test
    void aTaskThatIsNotTrackedIsNeitherMarkedNorCounted() {
        assertThat(tracked.markSeen(99)).isNull();

        assertThat(tracked.seenCount()).isZero();
        assertThat(tracked.unseen()).containsExactly(10L, 20L, 30L, 40L);
    }

    @Test
    void tasksThatLeftTheScanWhileActiveComeBeforeTheTailReadsOfEndedOnes() {
        TrackedTask endedTail = new TrackedTask(5, 2, "incs_1", false, 0, true, 3, 3);
        TrackedTask terminatedTail = new TrackedTask(15, 3, "incs_1", false, 0, true, 3, 3);
        TrackedSet mixed = TrackedSet.of(List.of(task(30), endedTail, task(10), terminatedTail, task(20)));
        mixed.markSeen(20);

        assertThat(mixed.unseen()).containsExactly(10L, 30L, 5L, 15L);
    }

    @Test
    void anEmptySetHasNothingUnseen() {
        TrackedSet empty = TrackedSet.of(List.of());

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.unseen()).isEmpty();
    }
}
