package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.strings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Outcome;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refused token pauses consumption without rejecting anything; a fixed token lets everything through. */
@QuarkusTest
class UnauthorizedTest {

    @Inject
    IncsClient client;

    @Inject
    IntakeGate gate;

    @Test
    void pausesOnARefusedTokenAndCreatesEverythingOnceTheTokenIsFixed() {
        IncsSimulator sim = cleanStart(client);
        String validToken = sim.token();
        sim.setToken("rotated-by-someone-else");
        List<String> events = List.of(newId("evt"), newId("evt"), newId("evt"));
        List<String> phones = List.of(newPhone(), newPhone(), newPhone());

        sendEvent(events.get(0), newId("case"), phones.get(0));
        await().atMost(WAIT).until(gate::isPaused);
        sendEvent(events.get(1), newId("case"), phones.get(1));
        sendEvent(events.get(2), newId("case"), phones.get(2));

        assertThat(sim.counters().count(Route.CREATE, Outcome.UNAUTHORIZED)).isPositive();
        given().get("/q/health/ready").then().statusCode(503);
        assertThat(strings("select event_id from task_request where state in ('rejected', 'failed')")).isEmpty();
        assertThat(strings("select ce_type from outbox_event where ce_type <> 'collection.task.created'")).isEmpty();

        sim.setToken(validToken);

        events.forEach(eventId -> awaitState(eventId, "created"));
        assertThat(gate.isPaused()).isFalse();
        phones.forEach(phone -> assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1));
    }
}
