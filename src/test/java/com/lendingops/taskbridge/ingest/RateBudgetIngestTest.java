package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.Route;
import com.lendingops.taskbridge.simulator.SimulatorProcess;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With INCS_RATE_LIMIT_PER_SECOND = R, a burst of events never reaches incs faster than R calls in any second.
 * incs is a simulator in a JVM of its own here (see {@link RateBudgetProfile}), reached through its admin API.
 */
@QuarkusTest
@TestProfile(RateBudgetProfile.class)
class RateBudgetIngestTest {

    @Inject
    IncsClient client;

    @Inject
    IncsConfig config;

    @Test
    void aBurstOfEventsNeverExceedsTheRateBudgetInAnySecond() {
        SimulatorProcess.Admin incs = cleanStart();
        warmUp(incs);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String eventId = newId("evt");
            events.add(eventId);
            sendEvent(eventId, newId("case"), newPhone());
        }

        events.forEach(eventId -> awaitState(eventId, "created"));

        JsonNode counters = incs.counters();
        assertThat(counters.path("requests").path(Route.CREATE.label()).path("total").asInt())
                .isGreaterThanOrEqualTo(16);
        assertThat(counters.path("max_requests_in_any_second").asInt())
                .as("arrivals (ms after the first): %s", counters.path("arrival_offsets_ms"))
                .isLessThanOrEqualTo(RateBudgetProfile.RATE);
    }

    /** Empty tables, a reset simulator, and a client that trusts incs again (no state inherited). */
    private SimulatorProcess.Admin cleanStart() {
        TestEnvironment.get().postgres().truncateAll();
        SimulatorProcess.Admin incs = new SimulatorProcess.Admin(config.apiUrl());
        incs.reset();
        await().atMost(WAIT).until(client::isAvailable);
        incs.resetCounters();
        return incs;
    }

    /**
     * One event end to end first: the very first request a fresh application writes loads the HTTP encoding
     * classes after its slot was checked (tens of milliseconds on a loaded machine), which lets the next call
     * arrive less than one slot after it; the incs client's own budget test warms up the same way. Connection
     * set-up needs no warming: the client takes its connection before it checks the slot.
     */
    private static void warmUp(SimulatorProcess.Admin incs) {
        String eventId = newId("warm-up");
        sendEvent(eventId, newId("case"), newPhone());
        awaitState(eventId, "created");
        incs.resetCounters();
    }
}
