package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.NO_SEND_BY;
import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Outcome;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport failures of a POST: which are ambiguous (incs may have created the task) and which are not. */
@QuarkusTest
class IncsClientFailureTest {

    @Inject
    IncsClient client;

    @Inject
    IncsConfig config;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    IncsSimulator sim;

    @BeforeEach
    void cleanSimulator() {
        sim = cleanSimulatorAndAvailable(client);
    }

    private CreateResult.Unavailable createExpectingUnavailable(IncsClient via) {
        CreateResult result = via.createTask(command(newPhone()), NO_SEND_BY).await().atMost(WAIT);
        assertThat(result).isInstanceOf(CreateResult.Unavailable.class);
        return (CreateResult.Unavailable) result;
    }

    @Test
    void connectionResetIsUnavailableAndAmbiguous() {
        sim.faults().failNext(Route.CREATE, Fault.RESET, 1);

        assertThat(createExpectingUnavailable(client).ambiguous()).isTrue();
        assertThat(sim.counters().count(Route.CREATE, Outcome.RESET)).isEqualTo(1);
    }

    @Test
    void timeoutIsUnavailableAndAmbiguous() {
        sim.faults().failNext(Route.CREATE, Fault.TIMEOUT, 1);

        CreateResult.Unavailable result = createExpectingUnavailable(client);

        assertThat(result.ambiguous()).isTrue();
        assertThat(result.reason()).contains("timeout");
    }

    @Test
    void responseLostAfterCreationIsAmbiguousAndTheTaskExists() {
        String phone = newPhone();
        sim.faults().failNext(Route.CREATE, Fault.DROP_AFTER_CREATE, 1);

        CreateResult result = client.createTask(command(phone), NO_SEND_BY).await().atMost(WAIT);

        assertThat(result).isInstanceOf(CreateResult.Unavailable.class);
        assertThat(((CreateResult.Unavailable) result).ambiguous()).isTrue();
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
    }

    @Test
    void serverErrorIsUnavailableAndAmbiguousAndNeverRetried() {
        sim.faults().failNext(Route.CREATE, Fault.ERROR_500, 1);

        assertThat(createExpectingUnavailable(client).ambiguous()).isTrue();
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsUnavailableButNotAmbiguous() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IncsClient unreachable = StandaloneIncsClient.build(config,
                Map.of("apiUrl", "http://127.0.0.1:" + closedPort), pool, mapper);

        assertThat(createExpectingUnavailable(unreachable).ambiguous()).isFalse();
    }
}
