package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uses a fake ticker so the sliding window is deterministic, whatever the machine's speed. */
class RateLimitTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private IncsSimulator sim;
    private SimulatorClient client;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void countsAtMostLimitRequestsPerSecondBeforeAnswering429() {
        start(new RateLimit(3, false));

        int[] statuses = new int[5];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = client.listTasks("page_size=20").status();
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(sim.counters().count(Route.LIST, Outcome.RATE_LIMITED)).isEqualTo(2);
    }

    @Test
    void admitsAgainOnceTheWindowHasSlid() {
        start(new RateLimit(2, false));
        client.listTasks("page_size=20");
        client.listTasks("page_size=20");

        now.addAndGet(TimeUnit.SECONDS.toNanos(1));

        assertThat(client.listTasks("page_size=20").status()).isEqualTo(200);
    }

    @Test
    void sharesTheBudgetBetweenCreateAndList() {
        start(new RateLimit(1, false));
        client.listTasks("page_size=20");

        assertThat(client.createTask(TaskRequests.documentedExample()).code()).isEqualTo(429);
        assertThat(sim.taskCount()).isZero();
    }

    @Test
    void sendsRetryAfterSecondsWhenConfigured() {
        start(new RateLimit(1, true));
        client.listTasks("page_size=20");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));

        SimulatorClient.Reply limited = client.listTasks("page_size=20");

        assertThat(limited.code()).isEqualTo(429);
        assertThat(limited.message()).isEqualTo("Too Many Attempts.");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void omitsRetryAfterWhenNotConfigured() {
        start(new RateLimit(1, false));
        client.listTasks("page_size=20");

        SimulatorClient.Reply limited = client.listTasks("page_size=20");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void answersHttp200WithCode429InAlways200Style() {
        start(new RateLimit(1, false));
        sim.updateResponseOptions(o -> o.withStyle(ResponseStyle.ALWAYS_200));
        client.listTasks("page_size=20");

        SimulatorClient.Reply limited = client.listTasks("page_size=20");

        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.code()).isEqualTo(429);
    }

    @Test
    void limitsTheNextRequestsWhenToldEvenWithoutALimit() {
        start(RateLimit.none());
        sim.faults().failNext(Route.CREATE, Fault.RATE_LIMITED, 1);

        assertThat(client.createTask(TaskRequests.documentedExample()).code()).isEqualTo(429);
        assertThat(client.createTask(TaskRequests.documentedExample()).code()).isEqualTo(200);
    }

    private void start(RateLimit limit) {
        sim = IncsSimulator.start(SimulatorConfig.builder().ticker(now::get).rateLimit(limit).build());
        client = new SimulatorClient(sim);
    }
}
