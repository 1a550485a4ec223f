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
 * Shutdown stops the running cycle at its next step and waits for it: {@link SyncCycle#stop()} completes only
 * when the cycle has ended, and the cycle makes no incs call after the stop. A cycle component set of its own, so
 * the application's cycle stays usable by the other tests.
 */
@QuarkusTest
class GracefulStopTest {

    @Inject
    OwnCycles cycles;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        await().atMost(SyncTestSupport.WAIT).until(cycles.lease()::isLeader);
    }

    @Test
    void stopWaitsForTheRunningCycleWhichMakesNoFurtherCall() throws Exception {
        List<SimTask> tasks = incs.seedTasks(250, SimTask.NOT_STARTED);
        BulkTracking.trackAsSynced(tasks);
        SyncCheckpoints checkpoints = new SyncCheckpoints();
        SyncCycle cycle = cycles.withCheckpoints(checkpoints);
        long callsAtStart = incs.counters().listCalls();
        SyncCheckpoints.Stall stall = checkpoints.stallAt(SyncCheckpoints.Step.PAGE);
        CompletableFuture<CycleReport> running = cycle.runCycle().subscribeAsCompletionStage();
        stall.reached().get(SyncTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS);
        // the first pages of both active statuses are read at once: one is stalled, the other is let through and
        // must have been asked before the stop, or it would meet the stop and end the cycle around the stall
        await().atMost(SyncTestSupport.WAIT).until(() -> incs.counters().listCalls() == callsAtStart + 1);
        long callsBefore = incs.counters().listCalls();

        CompletableFuture<Void> stopped = cycle.stop().subscribeAsCompletionStage();
        Thread.sleep(300);
        assertThat(stopped).as("stop waits for the stalled cycle").isNotDone();
        stall.release();
        stopped.get(SyncTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(running).isDone();
        assertThat(running.get().stopped()).isTrue();
        assertThat(incs.counters().listCalls()).isEqualTo(callsBefore);
        assertThat(cycle.runCycle().await().atMost(SyncTestSupport.WAIT).ran()).as("no cycle after the stop")
                .isFalse();
    }
}
