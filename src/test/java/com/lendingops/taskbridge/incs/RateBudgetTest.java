package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.NO_SEND_BY;
import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.SimulatorProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global rate budget as incs sees it: calls fired all at once are spread so that incs never counts more than
 * R in any sliding second, also when two clients (two replicas) share the database row. incs is played by a
 * simulator in a JVM of its own ({@link SimulatorProcess} says why), called by nothing but this test's replicas.
 */
@QuarkusTest
class RateBudgetTest {

    private static final int RATE = 5;

    private static SimulatorProcess incs;

    @Inject
    IncsConfig config;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startSimulatorProcess() {
        incs = SimulatorProcess.start();
    }

    @AfterAll
    static void stopSimulatorProcess() {
        incs.close();
    }

    @BeforeEach
    void cleanSimulator() {
        incs.admin().reset();
        warmUp();
    }

    private IncsClient replicaWithBudget() {
        return replica(RATE);
    }

    private IncsClient replica(double ratePerSecond) {
        return StandaloneIncsClient.build(config, Map.of("rateLimitPerSecond", ratePerSecond,
                "apiUrl", incs.baseUrl(), "apiToken", SimulatorProcess.token()), pool, mapper);
    }

    /**
     * One unbudgeted call first, not counted: the very first request a fresh JVM writes loads the HTTP encoding
     * classes after its slot was checked, which on a loaded machine makes it arrive tens of milliseconds late
     * (when this class runs alone); it also warms up the simulator process. Connection set-up needs no warming:
     * it happens before the check.
     */
    private void warmUp() {
        assertThat(replica(0).createTask(command(newPhone()), NO_SEND_BY).await().atMost(WAIT))
                .isInstanceOf(CreateResult.Created.class);
        incs.admin().resetCounters();
    }

    private static List<CreateResult> fireAtOnce(List<IncsClient> replicas, int calls) {
        List<Uni<CreateResult>> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(replicas.get(i % replicas.size()).createTask(command(newPhone()), NO_SEND_BY));
        }
        return Uni.join().all(all).andFailFast().await().atMost(Duration.ofMinutes(2));
    }

    @Test
    void thirtyConcurrentCallsNeverExceedTheBudgetInAnySecond() {
        List<CreateResult> results = fireAtOnce(List.of(replicaWithBudget()), 30);

        assertThat(results).allMatch(CreateResult.Created.class::isInstance);
        assertWithinBudget(incs.admin().counters());
    }

    @Test
    void twoReplicasShareOneBudget() {
        List<CreateResult> results = fireAtOnce(List.of(replicaWithBudget(), replicaWithBudget()), 30);

        assertThat(results).allMatch(CreateResult.Created.class::isInstance);
        assertWithinBudget(incs.admin().counters());
    }

    private static void assertWithinBudget(JsonNode counters) {
        assertThat(counters.path("max_requests_in_any_second").asInt())
                .as("arrivals (ms after the first): %s", counters.path("arrival_offsets_ms"))
                .isLessThanOrEqualTo(RATE);
    }
}
