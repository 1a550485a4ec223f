package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.events.EventType;
import com.lendingops.taskbridge.events.TaskAssigned;
import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskRemarked;
import com.lendingops.taskbridge.events.TaskStatusChanged;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The log-to-event rules of the sync, without database or broker. */
class TaskChangePlannerTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private final TaskChangePlanner planner = new TaskChangePlanner(IncsTime.inZone(JAKARTA),
            Clock.fixed(Instant.parse("2026-04-16T03:00:00Z"), ZoneOffset.UTC));
    private final KnownTask notStarted = KnownTask.synced(77, "ev-1", "CASE-1", 0, "incs_1");

    @Test
    void initialCreatedAndAssignedLogsYieldNoEvent() {
        IncsTaskView view = view(0, "incs_1", log(1, 1, null, null, null, null), log(2, 2, null, null, "incs_1", null));

        TaskChanges changes = planner.plan(notStarted, view, Set.of());

        assertThat(changes.events()).isEmpty();
        assertThat(changes.newLogs()).extracting(IncsTaskView.Log::id).containsExactly(1L, 2L);
        assertThat(changes.status()).isZero();
    }

    @Test
    void fullLifeYieldsEventsInLogOrder() {
        IncsTaskView view = view(2, "incs_2",
                log(5, 2, null, null, "incs_2", null), log(3, 3, 0, 1, "incs_1", null),
                log(4, 4, null, null, "incs_1", "called, no answer"), log(6, 3, 1, 2, "incs_2", null));

        TaskChanges changes = planner.plan(notStarted, view, Set.of(1L, 2L));

        assertThat(changes.events()).extracting(TaskEvent::type).containsExactly(EventType.STATUS_CHANGED,
                EventType.REMARKED, EventType.ASSIGNED, EventType.STATUS_CHANGED);
        TaskStatusChanged started = (TaskStatusChanged) changes.events().get(0).data();
        assertThat(started.previousStatus()).isZero();
        assertThat(started.status()).isEqualTo(1);
        assertThat(started.statusName()).isEqualTo("in_progress");
        assertThat(started.assignee()).isEqualTo("incs_1");
        TaskAssigned reassigned = (TaskAssigned) changes.events().get(2).data();
        assertThat(reassigned.previousAssignee()).isEqualTo("incs_1");
        assertThat(reassigned.assignee()).isEqualTo("incs_2");
        TaskStatusChanged completed = (TaskStatusChanged) changes.events().get(3).data();
        assertThat(completed.statusName()).isEqualTo("completed");
        assertThat(completed.assignee()).isEqualTo("incs_2");
        assertThat(changes.status()).isEqualTo(2);
    }

    @Test
    void readsIncsTimestampsInTheConfiguredZone() {
        IncsTaskView view = view(1, "incs_1", log(3, 3, 0, 1, "incs_1", null));

        TaskChanges changes = planner.plan(notStarted, view, Set.of());

        assertThat(changes.events().get(0).time())
                .isEqualTo(OffsetDateTime.parse("2026-04-16T10:00:03+07:00"));
    }

    @Test
    void statusChangeWithoutLogStillYieldsStatusChanged() {
        TaskChanges changes = planner.plan(notStarted, view(1, "incs_1"), Set.of());

        assertThat(changes.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.STATUS_CHANGED);
            assertThat(event.id()).isEqualTo(TaskEvent.idFor("change:77:1"));
        });
        assertThat(changes.changeSeq()).isEqualTo(1);
    }

    @Test
    void theSameLoglessTransitionAgainGetsAnIdOfItsOwn() {
        KnownTask afterTwoChanges = new KnownTask(77, "ev-1", "CASE-1", 0, "alice", true, null, 2);

        TaskChanges changes = planner.plan(afterTwoChanges, view(0, "bob"), Set.of());

        assertThat(changes.events()).singleElement().satisfies(event ->
                assertThat(event.id()).isEqualTo(TaskEvent.idFor("change:77:3")));
        assertThat(changes.changeSeq()).isEqualTo(3);
    }

    @Test
    void lateLogOfAChangeAlreadyPublishedFromTheViewIsNotPublishedAgain() {
        KnownTask inProgress = KnownTask.synced(77, "ev-1", "CASE-1", 1, "incs_1");

        TaskChanges changes = planner.plan(inProgress, view(1, "incs_1", log(3, 3, 0, 1, "incs_1", null)), Set.of());

        assertThat(changes.events()).isEmpty();
        assertThat(changes.newLogs()).hasSize(1);
    }

    @Test
    void alreadyRecordedLogsAreNeverPlannedAgain() {
        IncsTaskView view = view(1, "incs_1", log(3, 3, 0, 1, "incs_1", null), log(4, 4, null, null, "incs_1", "hi"));
        KnownTask inProgress = KnownTask.synced(77, "ev-1", "CASE-1", 1, "incs_1");

        TaskChanges changes = planner.plan(inProgress, view, Set.of(3L, 4L));

        assertThat(changes.events()).isEmpty();
        assertThat(changes.newLogs()).isEmpty();
    }

    @Test
    void assignmentLogToTheCurrentAssigneeIsNoEvent() {
        TaskChanges changes = planner.plan(notStarted, view(0, "incs_1", log(9, 2, null, null, "incs_1", null)),
                Set.of());

        assertThat(changes.events()).isEmpty();
    }

    @Test
    void remarkCarriesCommentAndAuthor() {
        TaskChanges changes = planner.plan(notStarted,
                view(0, "incs_1", log(8, 4, null, null, "incs_1", "promised to pay")), Set.of());

        TaskRemarked remark = (TaskRemarked) changes.events().get(0).data();
        assertThat(remark.comment()).isEqualTo("promised to pay");
        assertThat(remark.author()).isEqualTo("incs_1");
        assertThat(changes.events().get(0).id()).isEqualTo(TaskEvent.idFor("log:77:8"));
    }

    @Test
    void reassignmentSeenOnlyOnTheTaskYieldsAssigned() {
        TaskChanges changes = planner.plan(notStarted, view(0, "incs_3"), Set.of());

        assertThat(changes.events()).singleElement().extracting(TaskEvent::type).isEqualTo(EventType.ASSIGNED);
        assertThat(changes.assignee()).isEqualTo("incs_3");
    }

    @Test
    void finalStatusNeverChangesAgain() {
        KnownTask completed = KnownTask.synced(77, "ev-1", "CASE-1", 2, "incs_1");

        TaskChanges changes = planner.plan(completed, view(3, "incs_1", log(10, 3, 2, 3, "incs_1", null)), Set.of());

        assertThat(changes.events()).isEmpty();
        assertThat(changes.status()).isEqualTo(2);
    }

    private static IncsTaskView view(int status, String assignee, IncsTaskView.Log... logs) {
        return new IncsTaskView(77L, 5L, 30058L, "Collection CASE-1", null, 3, "A", "6281512345678", assignee, null,
                status, "2026-04-16 09:00:00", "2026-04-16 10:30:00", List.of(logs));
    }

    private static IncsTaskView.Log log(long id, int type, Integer pre, Integer status, String assignee, String comment) {
        String at = String.format("2026-04-16 10:00:%02d", id);
        return new IncsTaskView.Log(id, type, status, pre, assignee, comment, at, at);
    }
}
