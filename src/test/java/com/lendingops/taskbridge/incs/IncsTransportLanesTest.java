package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The transport spreads incs traffic over several event loops and still reads every body whole: many concurrent
 * calls with large answers (several chunks each) on shared keep-alive connections.
 */
@QuarkusTest
class IncsTransportLanesTest {

    private static final int CALLS = 16;
    private static final int TASKS = 60;

    @Inject
    IncsClient client;

    @Inject
    IncsTransport transport;

    @Inject
    ObjectMapper mapper;

    @Test
    void concurrentCallsUseSeveralEventLoopsAndEveryBodyArrivesWhole() throws Exception {
        IncsSimulator sim = cleanSimulatorAndAvailable(client);
        sim.seedTasks(TASKS, SimTask.IN_PROGRESS);
        Set<String> answeringThreads = ConcurrentHashMap.newKeySet();
        List<Uni<IncsTransport.HttpAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(transport.connect(IncsRequest.list(TaskQuery.byStatus(SimTask.IN_PROGRESS, 1), 1))
                    .chain(connected -> connected.sendIf(() -> true).orElseThrow())
                    .invoke(answer -> answeringThreads.add(Thread.currentThread().getName())));
        }

        List<IncsTransport.HttpAnswer> answers = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        for (IncsTransport.HttpAnswer answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            JsonNode body = mapper.readTree(answer.body());
            assertThat(body.path("data").path("data").size()).as("tasks in one answer").isEqualTo(TASKS);
        }
        assertThat(answeringThreads).as("event loops that answered").hasSizeGreaterThan(1)
                .allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
    }
}
