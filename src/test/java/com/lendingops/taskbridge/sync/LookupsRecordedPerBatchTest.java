package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks that left the active scan are looked up and recorded batch by batch: what one batch of lookups found is
 * committed before the next batch is asked. A leader that dies in the middle of many lookups (thousands of tasks
 * ended while it was down) has kept what it learnt, and the next leader does not start over; looking everything up
 * before recording anything made each new leader repeat the same lookups and publish nothing (chaos run, finding D).
 * A cycle component set of its own, so the application's cycle stays usable by the other tests.
 */
@QuarkusTest
class LookupsRecordedPerBatchTest {

    @Inject
    OwnCycles cycles;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        await().atMost(SyncTestSupport.WAIT).until(cycles.lease()::isLeader);
    }

    @Test
    void answersOfOneLookupBatchAreRecordedBeforeTheNextBatchIsAsked() throws Exception {
        int batch = SyncCycle.LOOKUP_BATCH;
        List<SimTask> tasks = incs.seedTasks(batch + 20, SimTask.NOT_STARTED);
        BulkTracking.trackAsSynced(tasks);
        tasks.forEach(task -> incs.complete(task.id()));
        SyncCheckpoints checkpoints = new SyncCheckpoints();
        SyncCycle cycle = cycles.withCheckpoints(checkpoints);

        SyncCheckpoints.Stall firstLookupOfSecondBatch = checkpoints.stallAt(SyncCheckpoints.Step.LOOKUP, batch);
        CompletableFuture<CycleReport> running = cycle.runCycle().subscribeAsCompletionStage();
        firstLookupOfSecondBatch.reached().get(SyncTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where status = ?", SimTask.COMPLETED))
                .as("the first batch's completions are committed while the second batch waits")
                .isEqualTo(batch);
        firstLookupOfSecondBatch.release();
        assertThat(running.get(SyncTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS).stopped()).isFalse();
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where status = ?", SimTask.COMPLETED))
                .isEqualTo(batch + 20);
    }

    @Test
    void aTaskThatEndedSinceTheLastCycleIsLookedUpBeforeTheTailReadsOfTasksThatEndedEarlier() throws Exception {
        int batch = SyncCycle.LOOKUP_BATCH;
        List<SimTask> endedEarlier = incs.seedTasks(batch, SimTask.NOT_STARTED);
        BulkTracking.trackAsSynced(endedEarlier);
        endedEarlier.forEach(task -> incs.complete(task.id()));
        SyncTestSupport.update("update incs_task set status = " + SimTask.COMPLETED + " where task_id in ("
                + String.join(",", endedEarlier.stream().map(task -> Long.toString(task.id())).toList()) + ")");
        SimTask endedSince = incs.seedTasks(1, SimTask.NOT_STARTED).get(0); // the highest id of all
        BulkTracking.trackAsSynced(List.of(endedSince));
        incs.complete(endedSince.id());
        SyncCheckpoints checkpoints = new SyncCheckpoints();
        SyncCycle cycle = cycles.withCheckpoints(checkpoints);

        SyncCheckpoints.Stall firstLookupOfSecondBatch = checkpoints.stallAt(SyncCheckpoints.Step.LOOKUP, batch);
        CompletableFuture<CycleReport> running = cycle.runCycle().subscribeAsCompletionStage();
        firstLookupOfSecondBatch.reached().get(SyncTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(SyncTestSupport.queryLong("select status from incs_task where task_id = ?", endedSince.id()))
                .as("its completion is news: recorded in the first batch, before 100 tail reads that are not")
                .isEqualTo(SimTask.COMPLETED);
        firstLookupOfSecondBatch.release();
        assertThat(running.get(SyncTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS).stopped()).isFalse();
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where tracking"))
                .as("the earlier tails are read; the new one's is due next cycle").isEqualTo(1);
    }
}
