package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.TaskPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only an answer that says "no such task" is "not found"; any other answer without the task is a failed call. */
class LookupAnswerTest {

    @Test
    void answerWithTheTaskIsFound() {
        TaskLookups.Lookup lookup = TaskLookups.interpret(7, new TaskPage(1, List.of(view(7))));

        assertThat(lookup.view()).isNotNull();
        assertThat(lookup.failed()).isFalse();
    }

    @Test
    void emptyAnswerWithTotalZeroIsNotFound() {
        TaskLookups.Lookup lookup = TaskLookups.interpret(7, new TaskPage(0, List.of()));

        assertThat(lookup.view()).isNull();
        assertThat(lookup.failed()).isFalse();
    }

    @Test
    void answerListingOtherTasksIsAFailedCallNotAMiss() {
        assertThat(TaskLookups.interpret(7, new TaskPage(1, List.of(view(8)))).failed()).isTrue();
    }

    @Test
    void answerClaimingMatchesItDoesNotShowIsAFailedCallNotAMiss() {
        assertThat(TaskLookups.interpret(7, new TaskPage(1, List.of())).failed()).isTrue();
    }

    private static IncsTaskView view(long id) {
        return new IncsTaskView(id, 1L, 30058L, "n", "", 3, "u", "6281", "incs_1", null, 0, "2026-04-16 10:00:00",
                "2026-04-16 10:00:00", List.of());
    }
}
