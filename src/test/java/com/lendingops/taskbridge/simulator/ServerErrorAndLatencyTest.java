package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 500 answers (next N, rate, per route) and added latency. */
class ServerErrorAndLatencyTest {

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
    void failsTheNextTwoRequestsWith500ThenRecovers() {
        sim.faults().failNext(Fault.ERROR_500, 2);

        assertThat(client.listTasks("page_size=20").status()).isEqualTo(500);
        assertThat(client.createTask(TaskRequests.documentedExample()).code()).isEqualTo(500);
        assertThat(client.listTasks("page_size=20").status()).isEqualTo(200);
        assertThat(sim.taskCount()).isZero();
    }

    @Test
    void answers500InTheIncsEnvelope() {
        sim.faults().set(FaultSettings.none().withError500Rate(1));

        SimulatorClient.Reply reply = client.listTasks("page_size=20");

        assertThat(reply.body().path("status").asText()).isEqualTo("error");
        assertThat(reply.code()).isEqualTo(500);
        assertThat(sim.counters().count(Route.LIST, Outcome.ERROR_500)).isEqualTo(1);
    }

    @Test
    void failsOnlyTheTargetedRoute() {
        sim.faults().set(Route.CREATE, FaultSettings.none().withError500Rate(1));

        assertThat(client.createTask(TaskRequests.documentedExample()).code()).isEqualTo(500);
        assertThat(client.listTasks("page_size=20").code()).isEqualTo(200);
    }

    @Test
    void failsRoughlyTheConfiguredFraction() {
        sim.faults().set(FaultSettings.none().withError500Rate(0.5));

        for (int i = 0; i < 200; i++) {
            client.listTasks("page_size=1");
        }

        assertThat(sim.counters().count(Route.LIST, Outcome.ERROR_500)).isBetween(50L, 150L);
    }

    @Test
    void delaysTheAnswerButNotTheCreation() {
        sim.faults().set(Route.CREATE, FaultSettings.none().withLatency(Duration.ofSeconds(20)));

        Exception failure = client.createTaskExpectingFailure(TaskRequests.documentedExample(),
                Duration.ofSeconds(2));

        assertThat(failure).isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.taskCount() == 1);
        assertThat(sim.counters().count(Route.CREATE, Outcome.CREATED)).isEqualTo(1);
    }

    @Test
    void drawsLatencyUniformlyBetweenMinAndMax() {
        FaultInjector faults = new FaultInjector(new Random(1),
                FaultSettings.none().withLatency(Duration.ofMillis(10), Duration.ofMillis(20)), RateLimit.none());
        Set<Long> seen = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            seen.add(faults.latencyMillis(Route.LIST));
        }

        assertThat(seen).allMatch(ms -> ms >= 10 && ms <= 20).contains(10L, 20L);
    }
}
