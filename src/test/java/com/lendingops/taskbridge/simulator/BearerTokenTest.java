package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bearer token check on every /external route, and changing the token at run time. */
class BearerTokenTest {

    private IncsSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start(SimulatorConfig.builder().token("right-token").build());
        client = new SimulatorClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void answers401WithCode10001WhenTokenIsWrong() {
        SimulatorClient.Reply reply = client.createTask(Json.write(TaskRequests.documentedExample()), "wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().path("status").asText()).isEqualTo("error");
        assertThat(reply.code()).isEqualTo(10001);
        assertThat(reply.message()).isNotBlank();
        assertThat(reply.body().path("data").isObject()).isTrue();
        assertThat(reply.body().path("error").isObject()).isTrue();
        assertThat(sim.taskCount()).isZero();
    }

    @Test
    void answers401WhenTokenIsMissingOnList() {
        SimulatorClient.Reply reply = client.listTasks("page_size=20", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(10001);
    }

    @Test
    void acceptsTokenChangedAtRunTime() {
        sim.setToken("rotated");

        assertThat(client.listTasks("page_size=20", "right-token").code()).isEqualTo(10001);
        assertThat(client.listTasks("page_size=20", "rotated").code()).isEqualTo(200);
    }

    @Test
    void answersHttp200WithCode10001InAlways200Style() {
        sim.updateResponseOptions(o -> o.withStyle(ResponseStyle.ALWAYS_200));

        SimulatorClient.Reply reply = client.listTasks("page_size=20", "wrong");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asText()).isEqualTo("error");
        assertThat(reply.code()).isEqualTo(10001);
    }
}
