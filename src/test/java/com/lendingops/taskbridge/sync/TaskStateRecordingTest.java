package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the sync stores about a task besides events: its logs once each, its state, its conversation. */
@QuarkusTest
class TaskStateRecordingTest {

    private static final AtomicLong PHONES = new AtomicLong(6_281_800_000_000L + System.nanoTime() % 1_000_000);

    @Inject
    SyncCycle sync;
    @Inject
    TrackedTaskFixture fixture;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
    }

    @Test
    void everyIncsLogIsRecordedExactlyOnceByItsId() {
        SimTask task = newTask();
        fixture.track(task);
        cycle();
        incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
        incs.addRemark(task.id(), "called");
        cycle();
        cycle();

        long simLogs = incs.task(task.id()).orElseThrow().logs().size();
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task_log where task_id = ?", task.id()))
                .isEqualTo(simLogs).isEqualTo(4);
    }

    @Test
    void conversationStatusAndAssigneeFromIncsAreStoredOnTheTask() {
        SimTask task = newTask();
        fixture.track(task); // recorded without a conversation, as when incs answers the POST before assigning
        incs.reassign(task.id(), "incs_9");
        incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);

        cycle();

        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where task_id = ? and conversation_id = ?"
                + " and status = 1 and assignee = 'incs_9' and missing_cycles = 0", task.id(),
                String.valueOf(task.conversationId()))).isEqualTo(1);
    }

    private SimTask newTask() {
        return incs.createTask(NewTask.forPhone(String.valueOf(PHONES.incrementAndGet())).withAssignee("incs_1"));
    }

    private void cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.failures()).isZero();
    }
}
