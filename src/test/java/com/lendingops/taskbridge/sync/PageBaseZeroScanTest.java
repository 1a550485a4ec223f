package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.PageBase;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * incs numbering its pages from 0 and capping them at 20 rows, end to end, with a page base not yet learned
 * (an application of its own, so no earlier test taught it): counts cannot tell the bases apart on short pages,
 * so the scan must still find out, see every tracked task, publish every completion and, once the base is
 * known, stay within ⌈active/20⌉ + (tasks that left) + 2 calls.
 */
@QuarkusTest
@TestProfile(PageBaseZeroScanTest.UnlearnedPageBase.class)
class PageBaseZeroScanTest {

    /** A fresh application start: the page base is learned per process. */
    public static class UnlearnedPageBase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incs.page-base", "auto");
        }
    }

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
    void oneBasedAgain() {
        incs.reset();
    }

    @Test
    void zeroBasedShortPagesAreAllReadAndTheBaseIsLearned() {
        incs.updateResponseOptions(o -> o.withPageBase(0).withPageRowCap(CAP));
        List<SimTask> notStarted = incs.seedTasks(150, SimTask.NOT_STARTED);
        List<SimTask> inProgress = incs.seedTasks(30, SimTask.IN_PROGRESS);
        BulkTracking.trackAsSynced(Stream.concat(notStarted.stream(), inProgress.stream()).toList());
        assertThat(pageBase.known()).as("nothing learned before the first list answer").isEmpty();

        CycleReport first = cycle();

        assertThat(pageBase.known()).contains(0);
        assertThat(first.seenInScan()).as("every tracked task on the pages, the first page included").isEqualTo(180);
        assertThat(first.lookups()).isZero();

        List<SimTask> finishing = new ArrayList<>(notStarted.subList(0, 8));
        finishing.addAll(notStarted.subList(145, 150));
        finishing.addAll(inProgress.subList(0, 2));
        finishing.forEach(task -> incs.complete(task.id()));
        incs.counters().resetListCalls();

        CycleReport measured = cycle();

        long active = incs.taskCount(SimTask.NOT_STARTED) + incs.taskCount(SimTask.IN_PROGRESS);
        long bound = (active + CAP - 1) / CAP + finishing.size() + 2;
        assertThat(measured.calls()).as("every call counted").isEqualTo((int) incs.counters().listCalls());
        assertThat(measured.calls()).isLessThanOrEqualTo((int) bound);
        assertThat(measured.seenInScan()).isEqualTo(180 - finishing.size());
        assertThat(measured.ended()).isEqualTo(finishing.size());
        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where ce_type = "
                + "'collection.task.status-changed'")).isEqualTo(finishing.size());
        assertThat(pageBase.known()).as("short pages never flip it").isEqualTo(Optional.of(0));
    }

    private CycleReport cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.failures()).isZero();
        return report;
    }
}
