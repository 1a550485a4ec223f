package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.counter;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxTypes;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The event id is the idempotency key: however often an event arrives, incs sees one task. */
@QuarkusTest
class RedeliveryTest {

    @Inject
    IncsClient client;

    @Inject
    MeterRegistry registry;

    @Test
    void createsExactlyOneTaskWhenTheSameEventArrivesFiveTimes() {
        IncsSimulator sim = cleanStart(client);
        String eventId = newId("evt");
        String caseId = newId("case");
        String phone = newPhone();
        double duplicatesBefore = counter(registry, "bridge.ingest.outcomes", "outcome", "duplicate");

        for (int i = 0; i < 5; i++) {
            sendEvent(eventId, caseId, phone);
        }

        awaitState(eventId, "created");
        await().atMost(WAIT).until(() ->
                counter(registry, "bridge.ingest.outcomes", "outcome", "duplicate") - duplicatesBefore >= 4);
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(1);
        assertThat(outboxTypes(caseId)).containsExactly("collection.task.created");
    }

    @Test
    void acknowledgesALateRedeliveryOfACreatedEventWithoutCallingIncs() {
        IncsSimulator sim = cleanStart(client);
        String eventId = newId("evt");
        String caseId = newId("case");
        String phone = newPhone();
        sendEvent(eventId, caseId, phone);
        awaitState(eventId, "created");
        double duplicatesBefore = counter(registry, "bridge.ingest.outcomes", "outcome", "duplicate");

        sendEvent(eventId, caseId, phone);

        await().atMost(WAIT).until(() ->
                counter(registry, "bridge.ingest.outcomes", "outcome", "duplicate") > duplicatesBefore);
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(1);
        assertThat(sim.tasksWithPhone(phone)).hasSize(1);
    }
}
