package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Outcome;
import com.lendingops.taskbridge.simulator.RateLimit;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 429 (with and without Retry-After), bursts of 500, timeouts and resets: every valid event ends created, once. */
@QuarkusTest
class TransientFailuresTest {

    @Inject
    IncsClient client;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void createsEveryTaskThroughRateLimiting(boolean retryAfterHeader) {
        IncsSimulator sim = cleanStart(client);
        sim.faults().setRateLimit(new RateLimit(2, retryAfterHeader));

        List<String> phones = sendEvents(8);

        assertEveryPhoneGotExactlyOneTask(sim, phones);
        assertThat(sim.counters().count(Route.CREATE, Outcome.RATE_LIMITED)).isPositive();
    }

    @Test
    void createsEveryTaskThroughBurstsOfServerErrorsTimeoutsAndResets() {
        IncsSimulator sim = cleanStart(client);
        sim.faults().failNext(Route.CREATE, Fault.ERROR_500, 6);
        sim.faults().failNext(Route.CREATE, Fault.TIMEOUT, 2);
        sim.faults().failNext(Route.CREATE, Fault.RESET, 2);

        List<String> phones = sendEvents(6);

        assertEveryPhoneGotExactlyOneTask(sim, phones);
        assertThat(sim.counters().count(Route.CREATE, Outcome.ERROR_500)).isEqualTo(6);
        assertThat(sim.counters().count(Route.CREATE, Outcome.TIMEOUT)).isEqualTo(2);
    }

    private static List<String> sendEvents(int count) {
        List<String> phones = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String eventId = newId("evt");
            String phone = newPhone();
            sendEvent(eventId, newId("case"), phone);
            phones.add(phone);
            events.add(eventId);
        }
        events.forEach(eventId -> awaitState(eventId, "created"));
        return phones;
    }

    private static void assertEveryPhoneGotExactlyOneTask(IncsSimulator sim, List<String> phones) {
        for (String phone : phones) {
            assertThat(sim.counters().tasksCreatedFor(phone)).as("tasks for %s", phone).isEqualTo(1);
        }
    }
}
