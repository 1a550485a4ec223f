package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks progress by themselves on the configured timeline. */
class TaskTimelineTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private IncsSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void startsRemarksAndCompletesTaskByItself() {
        start(TaskTimeline.of(Duration.ofMillis(50), Duration.ofMillis(150))
                .withRemarks(Duration.ofMillis(30), List.of("contacted", "promised to pay")));
        long id = new SimulatorClient(sim).createTask(TaskRequests.documentedExample()).data().path("id").asLong();

        await().atMost(GENEROUS).until(() -> status(id) == SimTask.COMPLETED);

        List<SimLog> logs = sim.task(id).orElseThrow().logs();
        assertThat(logs).extracting(SimLog::type).containsExactly(1, 2, 3, 4, 4, 3);
        assertThat(logs).extracting(SimLog::comment).contains("contacted", "promised to pay");
        assertThat(logs.get(2).preStatus()).isEqualTo(SimTask.NOT_STARTED);
        assertThat(logs.get(5).preStatus()).isEqualTo(SimTask.IN_PROGRESS);
    }

    @Test
    void terminatesTheConfiguredFractionOfTasks() {
        start(TaskTimeline.of(Duration.ofMillis(10), Duration.ofMillis(10)).withTerminateFraction(1));
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        await().atMost(GENEROUS).until(() -> status(id) == SimTask.TERMINATED);

        assertThat(sim.task(id).orElseThrow().lastLog().status()).isEqualTo(SimTask.TERMINATED);
    }

    @Test
    void leavesTaskAloneWhenATestMovedItFirst() {
        start(TaskTimeline.of(Duration.ofMillis(50), Duration.ofMillis(50)));
        long moved = sim.createTask(NewTask.forPhone("6281500000001")).id();
        long witness = sim.createTask(NewTask.forPhone("6281500000002")).id();
        sim.terminate(moved);

        await().atMost(GENEROUS).until(() -> status(witness) == SimTask.COMPLETED);

        assertThat(sim.task(moved).orElseThrow().status()).isEqualTo(SimTask.TERMINATED);
        assertThat(sim.task(moved).orElseThrow().logs()).hasSize(3);
    }

    @Test
    void appliesATimelineSetAtRunTime() {
        start(TaskTimeline.off());
        sim.setTimeline(TaskTimeline.of(Duration.ofMillis(10), Duration.ofMillis(10)));
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        await().atMost(GENEROUS).until(() -> status(id) == SimTask.COMPLETED);
    }

    private int status(long id) {
        return sim.task(id).orElseThrow().status();
    }

    private void start(TaskTimeline timeline) {
        sim = IncsSimulator.start(SimulatorConfig.builder().timeline(timeline).build());
    }
}
