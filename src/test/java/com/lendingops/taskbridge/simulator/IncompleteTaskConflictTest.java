package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "User is in an incomplete task." while the phone has a task in status 0 or 1. */
class IncompleteTaskConflictTest {

    private static final String PHONE = "6281512340001";

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
    void answersIncompleteTaskWhenPhoneHasOpenTask() {
        client.createTask(TaskRequests.forPhone(PHONE));

        SimulatorClient.Reply reply = client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo(Json.error(ApiError.incompleteTask()));
        assertThat(reply.message()).isEqualTo("User is in an incomplete task.");
        assertThat(sim.tasksWithPhone(PHONE)).hasSize(1);
    }

    @Test
    void answersIncompleteTaskWhenPhoneHasTaskInProgress() {
        long id = sim.createTask(NewTask.forPhone(PHONE)).id();
        sim.moveToStatus(id, SimTask.IN_PROGRESS);

        assertThat(client.createTask(TaskRequests.forPhone(PHONE)).code()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(ints = {SimTask.COMPLETED, SimTask.TERMINATED})
    void createsNewTaskOnceEarlierTaskHasEnded(int endStatus) {
        long earlier = sim.createTask(NewTask.forPhone(PHONE)).id();
        sim.moveToStatus(earlier, endStatus);

        SimulatorClient.Reply reply = client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.data().path("id").asLong()).isNotEqualTo(earlier);
    }

    @Test
    void createsExactlyOneTaskWhenConcurrentRequestsShareAPhone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SimulatorClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> client.createTask(TaskRequests.forPhone(PHONE))));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<SimulatorClient.Reply> reply : replies) {
                codes.add(reply.get(30, TimeUnit.SECONDS).code());
            }

            assertThat(codes).containsOnlyOnce(200).containsOnly(200, 400);
            assertThat(sim.tasksWithPhone(PHONE)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doesNotBlockOtherPhones() {
        client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(client.createTask(TaskRequests.forPhone("6281512340002")).code()).isEqualTo(200);
    }

    @Test
    void countsConflictWithoutCountingATask() {
        client.createTask(TaskRequests.forPhone(PHONE));
        client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(sim.counters().count(Route.CREATE, Outcome.CONFLICT)).isEqualTo(1);
        assertThat(sim.counters().tasksCreatedFor(PHONE)).isEqualTo(1);
    }
}
