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
 * The sync's cost on the simulator's own counters: with 1,000 active tracked tasks (and active tasks
 * of other sources) a cycle makes at most ⌈active/100⌉ + (tasks that left the active set) + 2 calls.
 */
@QuarkusTest
class SyncCallBudgetTest {

    @Inject
    SyncCycle sync;
    @Inject
    SyncMetrics metrics;
    @Inject
    IncsClient client;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        // the simulator's list counter must see only the cycle's calls: no availability probe may still be
        // running because an earlier test class left the client unauthorized or its circuit open
        await().atMost(SyncTestSupport.WAIT).until(client::isAvailable);
    }

    @Test
    void thirtySevenTasksFinishingAmongAThousandStayWithinTheCallBound() {
        List<SimTask> notStarted = incs.seedTasks(600, SimTask.NOT_STARTED);
        List<SimTask> inProgress = incs.seedTasks(400, SimTask.IN_PROGRESS);
        incs.seedTasks(50, SimTask.NOT_STARTED); // another source's tasks: in the scan, never tracked
        BulkTracking.trackAsSynced(Stream.concat(notStarted.stream(), inProgress.stream()).toList());
        CycleReport warmUp = cycle();
        assertThat(warmUp.tracked()).isEqualTo(1000);
        assertThat(warmUp.recorded()).as("nothing new to record").isZero();

        List<SimTask> finishing = new ArrayList<>(notStarted.subList(0, 20));
        finishing.addAll(inProgress.subList(100, 117));
        finishing.forEach(task -> incs.complete(task.id()));
        incs.counters().resetListCalls();
        CycleReport measured = cycle();

        long active = incs.taskCount(SimTask.NOT_STARTED) + incs.taskCount(SimTask.IN_PROGRESS);
        long bound = (active + 99) / 100 + finishing.size() + 2;
        assertThat(incs.counters().listCalls()).isLessThanOrEqualTo(bound);
        assertThat(measured.calls()).isEqualTo((int) incs.counters().listCalls());
        assertThat(metrics.lastCycleCalls()).isEqualTo(measured.calls());
        assertThat(measured.lookups()).isEqualTo(37);
        assertThat(measured.ended()).isEqualTo(37);
        assertThat(measured.events()).isEqualTo(37);
        incs.counters().resetListCalls();
        CycleReport tail = cycle();
        long boundWithTails = (active + 99) / 100 + finishing.size() + 2;
        assertThat(tail.calls()).as("the ended tasks' tails count as tasks that left the active set")
                .isEqualTo((int) incs.counters().listCalls()).isLessThanOrEqualTo((int) boundWithTails);
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where tracking")).isEqualTo(963);
    }

    @Test
    void sixHundredChangesInOneScanAreAllRecordedWhileThePagesAreRead() {
        List<SimTask> tasks = incs.seedTasks(1000, SimTask.NOT_STARTED);
        BulkTracking.trackAsSynced(tasks);
        cycle();
        tasks.subList(0, 600).forEach(task -> incs.addRemark(task.id(), "called the customer"));

        // no cycle may fail (a scan whose pages outran the recording once failed here); a cycle stopped because
        // an overloaded machine let the short test lease lapse is followed by another
        await().atMost(SyncTestSupport.WAIT).until(() -> {
            cycle();
            return SyncTestSupport.queryLong("select count(*) from outbox_event where ce_type = "
                    + "'collection.task.remarked'") == 600;
        });
    }

    @Test
    void nothingTrackedCostsNoCall() {
        incs.seedTasks(5, SimTask.NOT_STARTED);
        incs.counters().resetListCalls();

        CycleReport report = cycle();

        assertThat(report.calls()).isZero();
        assertThat(incs.counters().listCalls()).isZero();
    }

    private CycleReport cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.failures()).isZero();
        return report;
    }
}
