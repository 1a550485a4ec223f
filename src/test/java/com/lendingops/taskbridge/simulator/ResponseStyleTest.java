package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error HTTP status mirroring the body code versus always 200. */
class ResponseStyleTest {

    private static final String PHONE = "6281512345678";

    private IncsSimulator sim;
    private SimulatorClient client;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void mirrorsBodyCodeInHttpStatusByDefault() {
        start(ResponseStyle.MIRROR_HTTP_STATUS);
        client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(client.createTask(TaskRequests.forPhone(PHONE)).status()).isEqualTo(400);
        assertThat(client.createTask(TaskRequests.documentedExample().put("type", 1)).status()).isEqualTo(422);
        sim.faults().failNext(Fault.ERROR_500, 1);
        assertThat(client.listTasks("page_size=20").status()).isEqualTo(500);
    }

    @Test
    void answersEveryErrorWithHttp200InAlways200Style() {
        start(ResponseStyle.ALWAYS_200);
        client.createTask(TaskRequests.forPhone(PHONE));

        SimulatorClient.Reply conflict = client.createTask(TaskRequests.forPhone(PHONE));
        SimulatorClient.Reply invalid = client.createTask(TaskRequests.documentedExample().put("type", 1));
        sim.faults().failNext(Fault.ERROR_500, 1);
        SimulatorClient.Reply broken = client.listTasks("page_size=20");

        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.code()).isEqualTo(400);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.code()).isEqualTo(500);
        assertThat(broken.body().path("status").asText()).isEqualTo("error");
    }

    @ParameterizedTest
    @EnumSource(ResponseStyle.class)
    void answersSuccessWithHttp200InEitherStyle(ResponseStyle style) {
        start(style);

        SimulatorClient.Reply created = client.createTask(TaskRequests.documentedExample());

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("status").asText()).isEqualTo("success");
    }

    private void start(ResponseStyle style) {
        sim = IncsSimulator.start(SimulatorConfig.builder()
                .responseOptions(ResponseOptions.defaults().withStyle(style)).build());
        client = new SimulatorClient(sim);
    }
}
