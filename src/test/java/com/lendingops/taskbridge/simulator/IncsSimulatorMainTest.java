package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Command-line options and the standalone launch. */
class IncsSimulatorMainTest {

    @Test
    void readsEveryKindOfOption() {
        SimulatorArgs args = SimulatorArgs.parse("--port", "9001", "--token", "t", "--zone", "UTC",
                "--start-after", "2", "--finish-after", "5", "--terminate-fraction", "0.5",
                "--style", "always-200", "--page-base", "0", "--no-conversation-id-in-list",
                "--rate-limit", "10", "--retry-after", "--latency", "20-80", "--error-rate", "0.1",
                "--seed-active", "7");

        SimulatorConfig config = args.config();
        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.token()).isEqualTo("t");
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.timeline().enabled()).isTrue();
        assertThat(config.timeline().startAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.timeline().finishAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeline().terminateFraction()).isEqualTo(0.5);
        assertThat(config.responseOptions().style()).isEqualTo(ResponseStyle.ALWAYS_200);
        assertThat(config.responseOptions().pageBase()).isZero();
        assertThat(config.responseOptions().conversationIdInList()).isFalse();
        assertThat(config.rateLimit()).isEqualTo(new RateLimit(10, true));
        assertThat(config.faults().latencyMin()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.faults().latencyMax()).isEqualTo(Duration.ofMillis(80));
        assertThat(config.faults().error500Rate()).isEqualTo(0.1);
        assertThat(args.seedActive()).isEqualTo(7);
    }

    @Test
    void rejectsUnknownOption() {
        assertThatThrownBy(() -> SimulatorArgs.parse("--colour", "red"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
    }

    @Test
    void launchesOnTheGivenPortWithSeededTasks() {
        try (IncsSimulator sim = IncsSimulatorMain.launch("--port", "0", "--token", "dev", "--seed-active", "3")) {
            SimulatorClient.Reply reply = new SimulatorClient(sim).listTasks("status=1", "dev");

            assertThat(reply.data().path("total").asInt()).isEqualTo(3);
        }
    }
}
