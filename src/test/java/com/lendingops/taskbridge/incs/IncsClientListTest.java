package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.Outcome;
import com.lendingops.taskbridge.simulator.RateLimit;
import com.lendingops.taskbridge.simulator.ResponseStyle;
import com.lendingops.taskbridge.simulator.Route;
import com.lendingops.taskbridge.simulator.SimTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GET /external/tasks: reading, retries of transient failures (honouring Retry-After), and giving up. */
@QuarkusTest
class IncsClientListTest {

    @Inject
    IncsClient client;

    @Inject
    IncsConfig config;

    @Inject
    MeterRegistry registry;

    IncsSimulator sim;

    @BeforeEach
    void cleanSimulator() {
        sim = cleanSimulatorAndAvailable(client);
    }

    private TaskPage list(TaskQuery query) {
        return client.listTasks(query).await().atMost(WAIT);
    }

    @Test
    void readsATaskWithItsLogs() {
        SimTask seeded = sim.createTask(NewTask.forPhone(IncsTestSupport.newPhone()).withStatus(SimTask.IN_PROGRESS));

        TaskPage page = list(TaskQuery.byTaskId(seeded.id()));

        assertThat(page.total()).isEqualTo(1);
        IncsTaskView task = page.tasks().get(0);
        assertThat(task.status()).isEqualTo(SimTask.IN_PROGRESS);
        assertThat(task.logsOrEmpty()).extracting(IncsTaskView.Log::type).contains(1, 3);
    }

    @Test
    void toleratesListedTasksWithoutConversationId() {
        sim.updateResponseOptions(options -> options.withConversationIdInList(false));
        SimTask seeded = sim.createTask(NewTask.forPhone(IncsTestSupport.newPhone()));

        TaskPage page = list(TaskQuery.byTaskId(seeded.id()));

        assertThat(page.tasks()).extracting(IncsTaskView::id).containsExactly(seeded.id());
        assertThat(page.tasks().get(0).conversationId()).isNull();
    }

    @Test
    void retriesRateLimitedCallsNoSoonerThanRetryAfter() {
        sim.faults().setRateLimit(new RateLimit(1_000, true));
        sim.faults().failNext(Route.LIST, Fault.RATE_LIMITED, 2);

        TaskPage page = list(TaskQuery.byStatus(SimTask.NOT_STARTED, 1));

        assertThat(page.total()).isZero();
        assertThat(sim.counters().count(Route.LIST, Outcome.RATE_LIMITED)).isEqualTo(2);
        List<Long> arrivals = sim.counters().arrivalNanos(Route.LIST);
        assertThat(arrivals).hasSize(3);
        long retryAfter = Duration.ofSeconds(1).toNanos();
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(retryAfter);
        assertThat(arrivals.get(2) - arrivals.get(1)).isGreaterThanOrEqualTo(retryAfter);
    }

    @Test
    void retriesServerErrorsAndConnectionResetsUntilAnAnswer() {
        sim.faults().failNext(Route.LIST, Fault.ERROR_500, 1);
        sim.faults().failNext(Route.LIST, Fault.RESET, 1);

        TaskPage page = list(TaskQuery.byStatus(SimTask.NOT_STARTED, 1));

        assertThat(page.tasks()).isEmpty();
        assertThat(sim.counters().outcomes(Route.LIST)).containsEntry(Outcome.OK, 1L);
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWithATransientException() {
        sim.faults().failNext(Route.LIST, Fault.ERROR_500, config.listRetries() + 1);

        IncsCallException failure = catchThrowableOfType(IncsCallException.class,
                () -> list(TaskQuery.byStatus(SimTask.NOT_STARTED, 1)));

        assertThat(failure.unauthorized()).isFalse();
        assertThat(sim.counters().requests(Route.LIST)).isEqualTo(config.listRetries() + 1);
    }

    @ParameterizedTest
    @EnumSource(ResponseStyle.class)
    void rejectedTokenFailsAtOnceAsUnauthorized(ResponseStyle style) {
        sim.updateResponseOptions(options -> options.withStyle(style));
        sim.setToken("rotated-token");
        double retriesBefore = listRetries();

        IncsCallException failure = catchThrowableOfType(IncsCallException.class,
                () -> list(TaskQuery.byStatus(SimTask.NOT_STARTED, 1)));

        assertThat(failure.unauthorized()).isTrue();
        assertThat(listRetries()).isEqualTo(retriesBefore);
        assertThat(client.isUnauthorized()).isTrue();
    }

    private double listRetries() {
        Counter retries = registry.find("incs.api.retries").tag("route", "list").counter();
        return retries == null ? 0 : retries.count();
    }
}
