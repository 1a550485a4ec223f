package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send-by instant of {@link IncsClient#createTask(CreateTaskCommand, java.time.Instant)}: a request whose
 * send-by instant comes while it waits (here for a rate slot) is not written at all, so a claim that ended can never
 * be followed by a POST.
 */
@QuarkusTest
class IncsClientSendByTest {

    @Inject
    IncsClient client;

    @Inject
    IncsConfig config;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    IncsSimulator sim;

    @BeforeEach
    void cleanSimulator() {
        sim = cleanSimulatorAndAvailable(client);
    }

    @AfterEach
    void freeTheBudget() {
        pool.preparedQuery("delete from rate_budget where name = $1").execute(Tuple.of(RateBudget.BUDGET_NAME))
                .await().atMost(WAIT);
    }

    /** A client with a budget of one call per second, whose next free slot is {@code busyFor} away. */
    private IncsClient budgetBusyFor(Duration busyFor) {
        pool.preparedQuery("""
                insert into rate_budget (name, next_slot_at) values ($1, clock_timestamp() + make_interval(secs => $2))
                on conflict (name) do update set next_slot_at = excluded.next_slot_at""")
                .execute(Tuple.of(RateBudget.BUDGET_NAME, (double) busyFor.toSeconds())).await().atMost(WAIT);
        return StandaloneIncsClient.build(config, Map.of("rateLimitPerSecond", 1.0), pool, mapper);
    }

    @Test
    void sendByPassingWhileWaitingForARateSlotSendsNothing() {
        IncsClient budgeted = budgetBusyFor(Duration.ofSeconds(4));
        String phone = newPhone();

        CreateResult result = budgeted.createTask(command(phone), clock.instant().plusSeconds(1)).await().atMost(WAIT);

        assertThat(result).isInstanceOf(CreateResult.NotSent.class);
        assertThat(sim.counters().requests(Route.CREATE)).isZero();
        assertThat(sim.counters().tasksCreatedFor(phone)).isZero();
    }

    @Test
    void aRateSlotThatWouldComeAfterSendByIsNotTaken() {
        IncsClient budgeted = budgetBusyFor(Duration.ofSeconds(30));
        String before = nextSlot();

        CreateResult result = budgeted.createTask(command(newPhone()), clock.instant().plusSeconds(1))
                .await().atMost(WAIT);

        assertThat(result).isInstanceOf(CreateResult.NotSent.class);
        // a slot taken and then not used would be lost to every replica: with a tight budget, many replicas and
        // short claims, every slot would go to a call that may no longer send, and nothing would ever be sent
        assertThat(nextSlot()).as("next free slot of the shared budget").isEqualTo(before);
        assertThat(sim.counters().requests(Route.CREATE)).isZero();
    }

    @Test
    void slotsReachedTooLateSendNothingAndAreNotAFailure() {
        // no headroom: a slot must be used the instant it comes, so every slot is reached too late
        IncsClient late = StandaloneIncsClient.build(config, Map.of("rateLimitPerSecond", 10.0,
                "rateLimitHeadroom", 0.0), pool, mapper);
        String phone = newPhone();

        CreateResult result = late.createTask(command(phone), clock.instant().plus(WAIT)).await().atMost(WAIT);

        // not sent, which the lifecycle retries at once; an Unavailable would grow the request's backoff
        assertThat(result).isInstanceOf(CreateResult.NotSent.class);
        assertThat(sim.counters().tasksCreatedFor(phone)).isZero();
        assertThat(late.isAvailable()).isTrue();
    }

    private String nextSlot() {
        return pool.preparedQuery("select next_slot_at::text from rate_budget where name = $1")
                .execute(Tuple.of(RateBudget.BUDGET_NAME)).await().atMost(WAIT).iterator().next().getString(0);
    }

    @Test
    void sendByAlreadyPassedSendsNothing() {
        CreateResult result = client.createTask(command(newPhone()), clock.instant().minusMillis(1))
                .await().atMost(WAIT);

        assertThat(result).isInstanceOf(CreateResult.NotSent.class);
        assertThat(sim.counters().requests(Route.CREATE)).isZero();
    }

    @Test
    void sendByStillAheadSendsTheRequest() {
        String phone = newPhone();

        CreateResult result = client.createTask(command(phone), clock.instant().plus(WAIT)).await().atMost(WAIT);

        assertThat(result).isInstanceOf(CreateResult.Created.class);
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
    }

    @Test
    void notSentLeavesTheCircuitAndTokenStateAlone() {
        for (int i = 0; i < config.circuitFailureThreshold() + 1; i++) {
            client.createTask(command(newPhone()), clock.instant().minusSeconds(1)).await().atMost(WAIT);
        }

        assertThat(client.isAvailable()).isTrue();
    }
}
