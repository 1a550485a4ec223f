package com.lendingops.taskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The launcher's options: durations people type, and a bounded run for CI. */
class LocalStackOptionsTest {

    @Test
    void runsUntilCtrlCOnTheUsualPortsByDefault() {
        LocalStackOptions options = LocalStackOptions.parse();

        assertThat(options.duration()).isEmpty();
        assertThat(options.bridgePort()).isEqualTo(8080);
        assertThat(options.simulatorPort()).isEqualTo(8089);
    }

    @Test
    void exitAfterFirstStatusEventIsBoundedEvenWithoutDuration() {
        LocalStackOptions options = LocalStackOptions.parse("--exit-after-first-status-event");

        assertThat(options.exitAfterFlow()).isTrue();
        assertThat(options.duration()).contains(LocalStackOptions.DEFAULT_FLOW_TIMEOUT);
    }

    @Test
    void readsDurationsWithUnitsOrIso() {
        assertThat(LocalStackOptions.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LocalStackOptions.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(LocalStackOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LocalStackOptions.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LocalStackOptions.duration("30")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsUnknownOptionsWithTheUsage() {
        assertThatThrownBy(() -> LocalStackOptions.parse("--colour")).hasMessageContaining("--duration");
    }
}
