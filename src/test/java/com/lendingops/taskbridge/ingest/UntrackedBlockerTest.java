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

/**
 * A phone blocked by a task of ours that the sync no longer tracks (its end would never be seen) does not keep the
 * request deferred forever: it ends {@code failed} with the reason {@code blocking_task_untracked}.
 */
@QuarkusTest
class UntrackedBlockerTest {

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @Test
    void aRequestBlockedByAnUntrackedTaskOfOursEndsFailedWithAReason() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String phone = newPhone();
        SimTask open = sim.createTask(NewTask.forPhone(phone));
        String oldEvent = newId("evt");
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, state, task_id, received_at,
                    updated_at)
                values (?, ?, 'collection.task.requested', ?, 'created', ?, now(), now())""",
                oldEvent, newId("case"), phone, open.id());
        update("""
                insert into incs_task (task_id, event_id, case_id, user_phone, status, tracking, created_at, updated_at)
                values (?, ?, 'old-case', ?, 0, false, now(), now())""", open.id(), oldEvent, phone);
        String eventId = newId("evt");
        String caseId = newId("case");

        sendEvent(eventId, caseId, phone);

        awaitState(eventId, "failed");
        JsonNode failed = json.readTree(outboxPayloads(caseId, "collection.task.failed").get(0));
        assertThat(failed.get("reason").asText()).isEqualTo("blocking_task_untracked");
        assertThat(sim.tasksWithPhone(phone)).hasSize(1);
    }
}
