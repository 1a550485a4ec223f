package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.PageBase;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * incs as it may be: pages capped at 20 rows whatever {@code page_size} asks, sorted oldest or newest first. The
 * scan follows {@code total} and the page length actually served, sees every active tracked task, publishes every
 * completion, stays within ⌈active/20⌉ + (tasks that left) + 2 calls counted by the simulator, and the page base
 * learned (if any) is never flipped by a short page.
 */
@QuarkusTest
class ShortPagesScanTest {

    private static final int CAP = 20;

    @Inject
    SyncCycle sync;
    @Inject
    IncsClient client;
    @Inject
    PageBase pageBase;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        await().atMost(SyncTestSupport.WAIT).until(client::isAvailable);
    }

    @AfterEach
    void uncapped() {
        incs.reset();
    }

    @Test
    void oldestFirstShortPagesAreAllReadWithinTheBound() {
        scanAndCompleteUnderCap(false);
    }

    @Test
    void newestFirstShortPagesAreAllReadWithinTheBound() {
        scanAndCompleteUnderCap(true);
    }

    private void scanAndCompleteUnderCap(boolean newestFirst) {
        incs.updateResponseOptions(o -> o.withPageRowCap(CAP).withSortDescending(newestFirst));
        List<SimTask> notStarted = incs.seedTasks(150, SimTask.NOT_STARTED);
        List<SimTask> inProgress = incs.seedTasks(30, SimTask.IN_PROGRESS);
        incs.seedTasks(20, SimTask.NOT_STARTED); // another source's tasks
        BulkTracking.trackAsSynced(Stream.concat(notStarted.stream(), inProgress.stream()).toList());
        Optional<Integer> baseBefore = pageBase.known();

        CycleReport warmUp = cycle();

        assertThat(warmUp.seenInScan()).as("every tracked task seen on the short pages").isEqualTo(180);
        assertThat(warmUp.lookups()).isZero();
        assertThat(warmUp.recorded()).isZero();

        List<SimTask> finishing = new ArrayList<>(notStarted.subList(0, 12));
        finishing.addAll(notStarted.subList(140, 150));
        finishing.addAll(inProgress.subList(0, 3));
        finishing.forEach(task -> incs.complete(task.id()));
        incs.counters().resetListCalls();

        CycleReport measured = cycle();

        long active = incs.taskCount(SimTask.NOT_STARTED) + incs.taskCount(SimTask.IN_PROGRESS);
        long bound = (active + CAP - 1) / CAP + finishing.size() + 2;
        assertThat(measured.calls()).as("every call counted").isEqualTo((int) incs.counters().listCalls());
        assertThat(measured.calls()).isLessThanOrEqualTo((int) bound);
        assertThat(measured.ended()).isEqualTo(finishing.size());
        assertThat(measured.events()).isEqualTo(finishing.size());
        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where ce_type = "
                + "'collection.task.status-changed'")).isEqualTo(finishing.size());
        if (baseBefore.isPresent()) {
            assertThat(pageBase.known()).as("a short page never flips the base").isEqualTo(baseBefore);
        } else {
            assertThat(pageBase.known()).as("short pages prove no base").isNotEqualTo(Optional.of(0));
        }
    }

    private CycleReport cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.failures()).isZero();
        return report;
    }
}
