package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxPayloads;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxTypes;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.send;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.mapping.TestEvents;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimulatorCounters.ReceivedBody;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed document's own example, end to end: Kafka event in, exactly the documented POST body out. */
@QuarkusTest
class SeedRequestRoundTripTest {

    private static final String EVENT_ID = "0b9f6a7e-2c1d-4f7a-9f0e-3b1c2d4e5f60";
    private static final String CASE_ID = "CASE-2026-000123";

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @Test
    void theSeedEventProducesTheSeedRequestFieldByField() throws Exception {
        IncsSimulator sim = cleanStart(client);

        send(CASE_ID, new String(TestEvents.resource("seed-event.json"), StandardCharsets.UTF_8));
        awaitState(EVENT_ID, "created");

        List<ReceivedBody> bodies = sim.counters().receivedCreateBodies();
        assertThat(bodies).hasSize(1);
        JsonNode expected = json.readTree(TestEvents.resource("seed-request.json"));
        assertThat(bodies.get(0).json()).isEqualTo(expected);
    }

    @Test
    void recordsTheCreatedTaskAndItsEventInTheSameOutcome() throws Exception {
        cleanStart(client);

        send(CASE_ID, new String(TestEvents.resource("seed-event.json"), StandardCharsets.UTF_8));
        awaitState(EVENT_ID, "created");

        assertThat(strings("select user_phone || ' ' || assignee || ' ' || status || ' ' || tracking from incs_task"
                + " where event_id = ?", EVENT_ID)).containsExactly("6281512345678 incs_1 0 true");
        assertThat(outboxTypes(CASE_ID)).containsExactly("collection.task.created");
        JsonNode created = json.readTree(outboxPayloads(CASE_ID, "collection.task.created").get(0));
        assertThat(created.get("event_id").asText()).isEqualTo(EVENT_ID);
        assertThat(created.get("auth_id").asLong()).isEqualTo(30058L);
        assertThat(created.get("task_id").asLong()).isPositive();
    }
}
