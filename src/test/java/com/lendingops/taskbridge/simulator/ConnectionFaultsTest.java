package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection resets, hung requests and answers lost after the task was created. */
class ConnectionFaultsTest {

    private static final String PHONE = "6281512345678";
    /** Client-side timeout for answers that never come; the assertions do not depend on it. */
    private static final Duration SHORT = Duration.ofSeconds(2);

    private IncsSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start();
        client = new SimulatorClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void resetsConnectionWithoutCreatingTheTask() {
        sim.faults().failNext(Route.CREATE, Fault.RESET, 1);

        Exception failure = client.createTaskExpectingFailure(TaskRequests.forPhone(PHONE), Duration.ofSeconds(30));

        assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(sim.taskCount()).isZero();
        assertThat(sim.counters().count(Route.CREATE, Outcome.RESET)).isEqualTo(1);
        assertThat(client.createTask(TaskRequests.forPhone(PHONE)).code()).isEqualTo(200);
    }

    @Test
    void neverAnswersWhenTimingOut() {
        sim.faults().failNext(Route.CREATE, Fault.TIMEOUT, 1);

        Exception failure = client.createTaskExpectingFailure(TaskRequests.forPhone(PHONE), SHORT);

        assertThat(failure).isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.counters().count(Route.CREATE, Outcome.TIMEOUT) == 1);
        assertThat(sim.taskCount()).isZero();
    }

    @Test
    void createsTaskThenDropsTheAnswer() {
        sim.faults().failNext(Route.CREATE, Fault.DROP_AFTER_CREATE, 1);

        Exception failure = client.createTaskExpectingFailure(TaskRequests.forPhone(PHONE), Duration.ofSeconds(30));

        assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(sim.tasksWithPhone(PHONE)).hasSize(1);
        assertThat(sim.counters().tasksCreatedFor(PHONE)).isEqualTo(1);
        assertThat(sim.counters().count(Route.CREATE, Outcome.DROPPED_AFTER_CREATE)).isEqualTo(1);
    }

    @Test
    void answersIncompleteTaskToABlindRetryAfterDroppedAnswer() {
        sim.faults().failNext(Route.CREATE, Fault.DROP_AFTER_CREATE, 1);
        client.createTaskExpectingFailure(TaskRequests.forPhone(PHONE), Duration.ofSeconds(30));

        SimulatorClient.Reply retry = client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(retry.message()).isEqualTo("User is in an incomplete task.");
        assertThat(sim.tasksWithPhone(PHONE)).hasSize(1);
    }

    @Test
    void createsTaskThenHangs() {
        sim.faults().failNext(Route.CREATE, Fault.HANG_AFTER_CREATE, 1);

        Exception failure = client.createTaskExpectingFailure(TaskRequests.forPhone(PHONE), SHORT);

        assertThat(failure).isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.tasksWithPhone(PHONE).size() == 1);
        assertThat(sim.counters().count(Route.CREATE, Outcome.HUNG_AFTER_CREATE)).isEqualTo(1);
    }

    @Test
    void resetsOnlyTheTargetedRoute() {
        sim.faults().set(Route.LIST, FaultSettings.none().withResetRate(1));

        assertThat(client.createTask(TaskRequests.forPhone(PHONE)).code()).isEqualTo(200);
        assertThat(sim.counters().count(Route.CREATE, Outcome.RESET)).isZero();
    }

    @Test
    void resetsEveryListCallAtRateOne() {
        sim.faults().set(Route.LIST, FaultSettings.none().withResetRate(1));

        for (int i = 0; i < 3; i++) {
            try {
                client.listTasks("page_size=20");
            } catch (UncheckedIOException expected) {
                // the connection reset surfaces as an I/O failure
            }
        }

        // the JDK client retries an idempotent GET once after a reset, so count arrivals rather than calls
        assertThat(sim.counters().count(Route.LIST, Outcome.RESET))
                .isEqualTo(sim.counters().requests(Route.LIST)).isGreaterThanOrEqualTo(3);
        assertThat(sim.counters().count(Route.LIST, Outcome.OK)).isZero();
    }
}
