package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxPayloads;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxTypes;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.state;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.taskIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * "User is in an incomplete task.": the request is deferred, then created once our own blocking task ends,
 * in arrival order per phone.
 */
@QuarkusTest
class PhoneConflictTest {

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @Test
    void defersTheSecondRequestForABusyPhoneAndCreatesItWhenTheFirstTaskEnds() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String phone = newPhone();
        String first = newId("evt");
        String second = newId("evt");
        String secondCase = newId("case");
        sendEvent(first, newId("case"), phone);
        awaitState(first, "created");

        sendEvent(second, secondCase, phone);
        awaitState(second, "deferred");

        JsonNode deferred = json.readTree(outboxPayloads(secondCase, "collection.task.deferred").get(0));
        assertThat(deferred.get("reason").asText()).isEqualTo("incomplete_task");
        assertThat(deferred.get("blocking_task_id").asLong()).isEqualTo(taskIdOf(first));

        sim.complete(taskIdOf(first));

        awaitState(second, "created");
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(2);
        assertThat(outboxTypes(secondCase)).endsWith("collection.task.created");
    }

    @Test
    void createsDeferredRequestsForOnePhoneInArrivalOrder() {
        IncsSimulator sim = cleanStart(client);
        String phone = newPhone();
        String first = newId("evt");
        String second = newId("evt");
        String third = newId("evt");
        sendEvent(first, newId("case"), phone);
        awaitState(first, "created");
        sendEvent(second, newId("case"), phone);
        awaitState(second, "deferred");
        sendEvent(third, newId("case"), phone);
        awaitState(third, "deferred");

        sim.complete(taskIdOf(first));
        awaitState(second, "created");
        assertThat(state(third)).isEqualTo("deferred");

        sim.terminate(taskIdOf(second));
        awaitState(third, "created");
        assertThat(taskIdOf(third)).isGreaterThan(taskIdOf(second));
    }
}
