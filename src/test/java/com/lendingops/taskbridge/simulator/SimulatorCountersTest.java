package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counters by route and outcome, per phone, per sliding second and per list cycle. */
class SimulatorCountersTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));
    private IncsSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start(SimulatorConfig.builder().ticker(now::get).build());
        client = new SimulatorClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void countsCreateRequestsByOutcome() {
        client.createTask(TaskRequests.forPhone("6281500000001"));
        client.createTask(TaskRequests.forPhone("6281500000001"));
        client.createTask(TaskRequests.forPhone("0815"));
        client.createTask("{}", "wrong-token");

        assertThat(sim.counters().outcomes(Route.CREATE)).containsEntry(Outcome.CREATED, 1L)
                .containsEntry(Outcome.CONFLICT, 1L).containsEntry(Outcome.REJECTED, 1L)
                .containsEntry(Outcome.UNAUTHORIZED, 1L);
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(4);
    }

    @Test
    void countsTasksCreatedPerPhone() {
        client.createTask(TaskRequests.forPhone("6281500000001"));
        client.createTask(TaskRequests.forPhone("6281500000002"));
        client.createTask(TaskRequests.forPhone("6281500000002"));

        assertThat(sim.counters().tasksCreatedPerPhone())
                .containsExactlyInAnyOrderEntriesOf(Map.of("6281500000001", 1, "6281500000002", 1));
    }

    @Test
    void findsTheBusiestSlidingSecond() {
        for (long offsetMillis : new long[] {0, 500, 900, 1200, 1950}) {
            now.set(TimeUnit.HOURS.toNanos(5) + TimeUnit.MILLISECONDS.toNanos(offsetMillis));
            client.listTasks("page_size=1");
        }

        assertThat(sim.counters().maxRequestsInAnySecond()).isEqualTo(3);
        assertThat(sim.counters().maxRequestsInAnySecond(Route.CREATE)).isZero();
    }

    @Test
    void countsListCallsUntilReset() {
        client.listTasks("page_size=1");
        client.listTasks("page_size=1");
        sim.counters().resetListCalls();
        client.listTasks("page_size=1");

        assertThat(sim.counters().listCalls()).isEqualTo(1);
        assertThat(sim.counters().requests(Route.LIST)).isEqualTo(3);
    }

    @Test
    void countsUnknownRoutesAsRejected() {
        SimulatorClient.Reply reply = client.admin("GET", "/external/unknown", null);

        assertThat(reply.code()).isEqualTo(10001);
        assertThat(sim.counters().count(Route.OTHER, Outcome.UNAUTHORIZED)).isEqualTo(1);
    }
}
