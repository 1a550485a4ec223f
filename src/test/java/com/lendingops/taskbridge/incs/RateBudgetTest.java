package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global rate budget as incs sees it: calls fired all at once are spread so that the simulator never counts
 * more than R in any sliding second, also when two clients (two replicas) share the database row. The replicas
 * talk to a simulator of their own, so that no call of the test application itself (unbudgeted in this profile)
 * is counted with theirs.
 */
@QuarkusTest
class RateBudgetTest {

    private static final int RATE = 5;

    @Inject
    IncsConfig config;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    IncsSimulator sim;

    @BeforeEach
    void startOwnSimulator() {
        sim = IncsSimulator.start();
        warmUp();
    }

    @AfterEach
    void stopOwnSimulator() {
        sim.close();
    }

    private IncsClient replicaWithBudget() {
        return replica(RATE);
    }

    private IncsClient replica(double ratePerSecond) {
        return StandaloneIncsClient.build(config,
                Map.of("rateLimitPerSecond", ratePerSecond, "apiUrl", sim.baseUrl(), "apiToken", sim.token()), pool,
                mapper);
    }

    /**
     * One unbudgeted call first, not counted: the very first request a fresh JVM writes loads the HTTP encoding
     * classes after its slot was checked, which on a loaded machine makes it arrive tens of milliseconds late
     * (when this class runs alone). Connection set-up needs no warming: it happens before the check.
     */
    private void warmUp() {
        assertThat(replica(0).createTask(command(newPhone())).await().atMost(WAIT))
                .isInstanceOf(CreateResult.Created.class);
        sim.counters().reset();
    }

    private static List<CreateResult> fireAtOnce(List<IncsClient> replicas, int calls) {
        List<Uni<CreateResult>> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(replicas.get(i % replicas.size()).createTask(command(newPhone())));
        }
        return Uni.join().all(all).andFailFast().await().atMost(Duration.ofMinutes(2));
    }

    @Test
    void thirtyConcurrentCallsNeverExceedTheBudgetInAnySecond() {
        List<CreateResult> results = fireAtOnce(List.of(replicaWithBudget()), 30);

        assertThat(results).allMatch(CreateResult.Created.class::isInstance);
        assertThat(sim.counters().maxRequestsInAnySecond()).as(arrivalGaps()).isLessThanOrEqualTo(RATE);
    }

    @Test
    void twoReplicasShareOneBudget() {
        List<CreateResult> results = fireAtOnce(List.of(replicaWithBudget(), replicaWithBudget()), 30);

        assertThat(results).allMatch(CreateResult.Created.class::isInstance);
        assertThat(sim.counters().maxRequestsInAnySecond()).as(arrivalGaps()).isLessThanOrEqualTo(RATE);
    }

    /** Milliseconds between consecutive arrivals at the simulator, to explain a failure. */
    private String arrivalGaps() {
        List<Long> arrivals = new ArrayList<>(sim.counters().arrivalNanos(Route.CREATE));
        arrivals.sort(null);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            gaps.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
        }
        return "gaps between arrivals (ms): " + gaps;
    }
}
