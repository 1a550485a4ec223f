package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.SimTask;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paging returns every task exactly once whether incs numbers pages from 0 or 1, with the base configured or
 * learned. Each case uses its own client (page-base knowledge is per client), sharing the simulator.
 */
@QuarkusTest
class IncsPageBaseTest {

    private static final int TASKS = 250;

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

    @ParameterizedTest(name = "incs pages from {0}, client page-base {1}")
    @CsvSource({"0, auto", "1, auto", "0, 0", "1, 1"})
    void pagingOverSeveralPagesReturnsEveryTaskExactlyOnce(int incsBase, String setting) {
        sim.updateResponseOptions(options -> options.withPageBase(incsBase));
        List<Long> seeded = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            seeded.add(sim.createTask(NewTask.forPhone(IncsTestSupport.newPhone()).withName("Paged " + i)).id());
        }
        IncsClient pagingClient = StandaloneIncsClient.build(config, Map.of("pageBase", setting), pool, mapper);

        List<Long> listed = new ArrayList<>();
        TaskPage page;
        int number = 1;
        do {
            page = pagingClient.listTasks(TaskQuery.byStatus(SimTask.NOT_STARTED, number++)).await().atMost(WAIT);
            page.tasks().forEach(task -> listed.add(task.id()));
        } while (!page.tasks().isEmpty() && listed.size() < page.total());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(seeded);
    }
}
