package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks change status while the scan reads its pages: right after the first page of each status was answered and
 * before any other page is, tasks on those already-read first pages complete (their rows leave, so rows of page 2
 * slide into page 1), tasks on unread pages complete, and tasks start (they move from the status-0 list to the
 * status-1 list). Every change is still recorded and published, and each cycle stays within
 * ⌈active/100⌉ + (tasks that left the active set) + 2 calls as the simulator counts them.
 */
@QuarkusTest
class StatusChangesDuringScanTest {

    @Inject
    SyncCycle sync;
    @Inject
    IncsClient client;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        await().atMost(SyncTestSupport.WAIT).until(client::isAvailable);
    }

    @Test
    void tasksThatChangeWhileThePagesAreReadAreAllPublishedWithinTheCallBound() {
        List<SimTask> inProgress = incs.seedTasks(150, SimTask.IN_PROGRESS);
        List<SimTask> notStarted = incs.seedTasks(300, SimTask.NOT_STARTED);
        BulkTracking.trackAsSynced(Stream.concat(inProgress.stream(), notStarted.stream()).toList());
        assertThat(cycle().seenInScan()).as("warm-up: every task seen").isEqualTo(450);

        List<SimTask> completing = new ArrayList<>(notStarted.subList(0, 5)); // on the first page, already read
        completing.addAll(inProgress.subList(0, 2));                           // likewise, status 1
        completing.addAll(notStarted.subList(250, 253));                       // on a page not read yet
        List<SimTask> starting = notStarted.subList(150, 154);
        incs.counters().resetListCalls();
        incs.changeBeforeListCall(2, () -> {
            completing.forEach(task -> incs.complete(task.id()));
            starting.forEach(task -> incs.moveToStatus(task.id(), SimTask.IN_PROGRESS));
        });

        CycleReport during = cycle();

        long active = incs.taskCount(SimTask.NOT_STARTED) + incs.taskCount(SimTask.IN_PROGRESS);
        long bound = (active + 99) / 100 + completing.size() + 2;
        assertThat(incs.counters().listCalls()).as("the change happened during the scan").isGreaterThan(2);
        assertThat(during.calls()).as("every call counted").isEqualTo((int) incs.counters().listCalls());
        assertThat(during.calls()).as("calls of the cycle during which tasks changed").isLessThanOrEqualTo((int) bound);

        incs.counters().resetListCalls();
        CycleReport next = cycle();

        // the next cycle reads the tails of the tasks that ended, and finds those seen before they ended
        assertThat(next.calls()).isEqualTo((int) incs.counters().listCalls()).isLessThanOrEqualTo((int) bound);
        for (SimTask task : completing) {
            assertThat(SyncTestSupport.queryLong("select status from incs_task where task_id = ?", task.id()))
                    .as("task %d completed", task.id()).isEqualTo(SimTask.COMPLETED);
        }
        for (SimTask task : starting) {
            assertThat(SyncTestSupport.queryLong("select status from incs_task where task_id = ?", task.id()))
                    .as("task %d started", task.id()).isEqualTo(SimTask.IN_PROGRESS);
        }
        assertThat(SyncTestSupport.queryLong(
                "select count(*) from outbox_event where ce_type = 'collection.task.status-changed'"))
                .as("one status change event per change").isEqualTo(completing.size() + starting.size());
        await().atMost(SyncTestSupport.WAIT).until(() -> SyncTestSupport.queryLong(
                "select count(*) from outbox_event where published_at is null") == 0);
    }

    private CycleReport cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.failures()).isZero();
        return report;
    }
}
