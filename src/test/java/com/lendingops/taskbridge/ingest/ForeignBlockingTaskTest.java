package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxPayloads;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.SimTask;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A phone blocked by a task that is not ours: retried with backoff, given up after the horizon. */
@QuarkusTest
class ForeignBlockingTaskTest {

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @Test
    void retriesUntilSomeoneElsesTaskEnds() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String phone = newPhone();
        SimTask foreign = sim.createTask(NewTask.forPhone(phone));
        String eventId = newId("evt");
        String caseId = newId("case");

        sendEvent(eventId, caseId, phone);
        awaitState(eventId, "deferred");
        JsonNode deferred = json.readTree(outboxPayloads(caseId, "collection.task.deferred").get(0));
        assertThat(deferred.get("blocking_task_id").isNull()).isTrue();
        assertThat(deferred.get("next_attempt_at").isNull()).isFalse();

        sim.complete(foreign.id());

        awaitState(eventId, "created");
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
    }

    @Test
    void failsWithAnEventWhenTheBlockingTaskOutlastsTheHorizon() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String phone = newPhone();
        sim.createTask(NewTask.forPhone(phone));
        String eventId = newId("evt");
        String caseId = newId("case");
        sendEvent(eventId, caseId, phone);
        awaitState(eventId, "deferred");

        // As if it had been deferred for a day already (the default horizon is 24 h).
        update("update task_request set deferred_since = now() - interval '25 hours', next_attempt_at = now(),"
                + " version = version + 1"
                + " where event_id = ?", eventId);

        awaitState(eventId, "failed");
        JsonNode failed = json.readTree(outboxPayloads(caseId, "collection.task.failed").get(0));
        assertThat(failed.get("reason").asText()).isEqualTo("deferral_horizon_exceeded");
        assertThat(sim.counters().tasksCreatedFor(phone)).isZero();
    }
}
