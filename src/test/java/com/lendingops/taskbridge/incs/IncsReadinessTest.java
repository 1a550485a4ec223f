package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.NO_SEND_BY;
import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness: DOWN while incs rejects the token, UP with the circuit state while incs is merely down. */
@QuarkusTest
class IncsReadinessTest {

    private static final String INCS_STATUS = "checks.find { it.name == 'incs' }.status";

    @Inject
    IncsClient client;

    @Inject
    IncsConfig config;

    IncsSimulator sim;

    @BeforeEach
    void cleanSimulator() {
        sim = cleanSimulatorAndAvailable(client);
    }

    @Test
    void rejectedTokenTurnsReadinessDownWithoutRevealingAnyToken() {
        sim.setToken("rotated-token");
        client.createTask(command(newPhone()), NO_SEND_BY).await().atMost(WAIT);

        Response ready = get("/q/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.jsonPath().getString(INCS_STATUS)).isEqualTo("DOWN");
        assertThat(ready.asString()).doesNotContain(sim.config().token()).doesNotContain("rotated-token");

        sim.setToken(sim.config().token());
        await().atMost(WAIT).until(() -> "UP".equals(get("/q/health/ready").jsonPath().getString(INCS_STATUS)));
    }

    @Test
    void openCircuitKeepsReadinessUpAndReportsIt() {
        sim.faults().set(Route.LIST, sim.faults().settings(Route.LIST).withError500Rate(1.0));
        sim.faults().failNext(Route.CREATE, Fault.ERROR_500, config.circuitFailureThreshold());
        for (int i = 0; i < config.circuitFailureThreshold(); i++) {
            client.createTask(command(newPhone()), NO_SEND_BY).await().atMost(WAIT);
        }

        Response ready = get("/q/health/ready");

        assertThat(ready.jsonPath().getString(INCS_STATUS)).isEqualTo("UP");
        assertThat(ready.jsonPath().getString("checks.find { it.name == 'incs' }.data.circuit")).isEqualTo("open");
    }
}
