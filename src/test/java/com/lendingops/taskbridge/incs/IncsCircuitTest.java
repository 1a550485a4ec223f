package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.NO_SEND_BY;
import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circuit opens after N consecutive transient failures, refuses calls, and closes after a successful probe. */
@QuarkusTest
class IncsCircuitTest {

    @Inject
    IncsClient client;

    @Inject
    IncsConfig config;

    @Inject
    AvailabilityEventRecorder recorder;

    IncsSimulator sim;

    @BeforeEach
    void cleanSimulator() {
        sim = cleanSimulatorAndAvailable(client);
        recorder.clear();
    }

    private CreateResult create() {
        return client.createTask(command(newPhone()), NO_SEND_BY).await().atMost(WAIT);
    }

    private void failConsecutively(int times) {
        sim.faults().failNext(Route.CREATE, Fault.ERROR_500, times);
        for (int i = 0; i < times; i++) {
            create();
        }
    }

    @Test
    void opensAfterThresholdFailuresAndRefusesWithoutCallingIncs() {
        int threshold = config.circuitFailureThreshold();
        failConsecutively(threshold - 1);
        assertThat(client.isCircuitOpen()).isFalse();

        failConsecutively(1);
        assertThat(client.isCircuitOpen()).isTrue();
        long requestsWhenOpened = sim.counters().requests(Route.CREATE);

        CreateResult refused = create();

        assertThat(refused).isInstanceOf(CreateResult.Unavailable.class);
        assertThat(((CreateResult.Unavailable) refused).reason()).isEqualTo(IncsGateway.CIRCUIT_OPEN);
        assertThat(((CreateResult.Unavailable) refused).ambiguous()).isFalse();
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(requestsWhenOpened);
    }

    @Test
    void closesByItselfAfterTheProbeSucceedsAndAnnouncesBothChanges() {
        failConsecutively(config.circuitFailureThreshold());
        assertThat(client.isCircuitOpen()).isTrue();

        await().atMost(WAIT).until(() -> !client.isCircuitOpen());

        assertThat(sim.counters().requests(Route.LIST)).isGreaterThanOrEqualTo(1);
        assertThat(create()).isInstanceOf(CreateResult.Created.class);
        assertThat(recorder.events()).containsExactly(
                new IncsAvailabilityChanged(false, true, false),
                new IncsAvailabilityChanged(true, false, false));
    }

    @Test
    void failedProbeKeepsItOpenUntilALaterProbeSucceeds() {
        failConsecutively(config.circuitFailureThreshold());
        sim.faults().failNext(Route.LIST, Fault.ERROR_500, 1);

        await().atMost(WAIT).until(() -> !client.isCircuitOpen());

        assertThat(sim.counters().requests(Route.LIST)).isGreaterThanOrEqualTo(2);
        assertThat(recorder.events()).containsExactly(
                new IncsAvailabilityChanged(false, true, false),
                new IncsAvailabilityChanged(true, false, false));
    }
}
