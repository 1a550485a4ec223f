package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java admin methods: move, remark, reassign, complete, terminate, seed, reset. */
class TaskAdminTest {

    private IncsSimulator sim;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void movesTaskWithStatusChangeLog() {
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        SimTask moved = sim.moveToStatus(id, SimTask.IN_PROGRESS);

        assertThat(moved.status()).isEqualTo(SimTask.IN_PROGRESS);
        SimLog log = moved.lastLog();
        assertThat(log.type()).isEqualTo(SimLog.STATUS_CHANGED);
        assertThat(log.preStatus()).isEqualTo(SimTask.NOT_STARTED);
        assertThat(log.status()).isEqualTo(SimTask.IN_PROGRESS);
    }

    @Test
    void movesTaskWithoutLogWhenAsked() {
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        SimTask moved = sim.moveToStatusWithoutLog(id, SimTask.COMPLETED);

        assertThat(moved.status()).isEqualTo(SimTask.COMPLETED);
        assertThat(moved.logs()).extracting(SimLog::type).containsExactly(SimLog.CREATED, SimLog.ASSIGNED);
    }

    @Test
    void addsRemarkAsType4LogKeepingStatus() {
        long id = sim.createTask(NewTask.forPhone("6281500000001").withStatus(SimTask.IN_PROGRESS)).id();

        SimLog remark = sim.addRemark(id, "已经跟进").lastLog();

        assertThat(remark.type()).isEqualTo(SimLog.REMARK);
        assertThat(remark.comment()).isEqualTo("已经跟进");
        assertThat(remark.status()).isEqualTo(SimTask.IN_PROGRESS);
        assertThat(remark.preStatus()).isEqualTo(SimTask.IN_PROGRESS);
    }

    @Test
    void reassignsTaskWithAssignedLogAndNewAssignee() {
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        SimTask reassigned = sim.reassign(id, "incs_2");

        assertThat(reassigned.assigneeUsername()).isEqualTo("incs_2");
        assertThat(reassigned.lastLog().type()).isEqualTo(SimLog.ASSIGNED);
        assertThat(reassigned.lastLog().assigneeUsername()).isEqualTo("incs_2");
    }

    @Test
    void completesAndTerminatesTasks() {
        long first = sim.createTask(NewTask.forPhone("6281500000001")).id();
        long second = sim.createTask(NewTask.forPhone("6281500000002")).id();

        assertThat(sim.complete(first).status()).isEqualTo(SimTask.COMPLETED);
        assertThat(sim.terminate(second).status()).isEqualTo(SimTask.TERMINATED);
    }

    @Test
    void seedsActiveTasksEachWithItsOwnPhone() {
        sim.seedTasks(1000, SimTask.IN_PROGRESS);

        assertThat(sim.taskCount(SimTask.IN_PROGRESS)).isEqualTo(1000);
        assertThat(sim.tasks()).extracting(SimTask::userPhone).doesNotHaveDuplicates();
        assertThat(sim.tasks().get(0).lastLog().status()).isEqualTo(SimTask.IN_PROGRESS);
    }

    @Test
    void keepsEarlierSnapshotUnchangedWhenTaskMoves() {
        SimTask before = sim.createTask(NewTask.forPhone("6281500000001"));

        sim.moveToStatus(before.id(), SimTask.IN_PROGRESS);

        assertThat(before.status()).isEqualTo(SimTask.NOT_STARTED);
        assertThat(sim.task(before.id()).orElseThrow().status()).isEqualTo(SimTask.IN_PROGRESS);
    }

    @Test
    void rejectsUnknownTaskId() {
        assertThatThrownBy(() -> sim.moveToStatus(999_999, SimTask.COMPLETED))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void resetForgetsTasksCountersAndRuntimeSettings() {
        SimulatorClient client = new SimulatorClient(sim);
        long oldId = client.createTask(TaskRequests.documentedExample()).data().path("id").asLong();
        sim.setToken("changed");
        sim.faults().set(FaultSettings.none().withError500Rate(1));

        sim.reset();

        assertThat(sim.taskCount()).isZero();
        assertThat(sim.counters().tasksCreatedPerPhone()).isEmpty();
        SimulatorClient.Reply again = client.createTask(TaskRequests.documentedExample());
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.data().path("id").asLong()).isGreaterThan(oldId);
    }
}
