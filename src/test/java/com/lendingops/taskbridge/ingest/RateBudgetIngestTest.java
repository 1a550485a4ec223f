package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With INCS_RATE_LIMIT_PER_SECOND = R, a burst of events never reaches incs faster than R calls in any second. */
@QuarkusTest
@TestProfile(RateBudgetProfile.class)
class RateBudgetIngestTest {

    @Inject
    IncsClient client;

    @Test
    void aBurstOfEventsNeverExceedsTheRateBudgetInAnySecond() {
        IncsSimulator sim = cleanStart(client);
        warmUp(sim);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String eventId = newId("evt");
            events.add(eventId);
            sendEvent(eventId, newId("case"), newPhone());
        }

        events.forEach(eventId -> awaitState(eventId, "created"));

        assertThat(sim.counters().requests(Route.CREATE)).isGreaterThanOrEqualTo(16);
        assertThat(sim.counters().maxRequestsInAnySecond())
                .as("arrivals (ns) %s", sim.counters().arrivalNanos(Route.CREATE))
                .isLessThanOrEqualTo(RateBudgetProfile.RATE);
    }

    /**
     * One event end to end first: the very first request a fresh application writes loads the HTTP encoding
     * classes after its slot was checked (tens of milliseconds on a loaded machine), which lets the next call
     * arrive less than one slot after it; the incs client's own budget test warms up the same way. Connection
     * set-up needs no warming: the client takes its connection before it checks the slot.
     */
    private static void warmUp(IncsSimulator sim) {
        String eventId = newId("warm-up");
        sendEvent(eventId, newId("case"), newPhone());
        awaitState(eventId, "created");
        sim.counters().reset();
    }
}
