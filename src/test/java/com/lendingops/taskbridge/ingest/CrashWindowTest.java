package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.outboxTypes;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.storedCommand;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.taskIdOf;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.Route;
import com.lendingops.taskbridge.simulator.SimTask;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A crash (or a lost answer) between a successful POST and the database write never yields a second task:
 * the request is left in {@code submitting}, and it is reconciled through the list API before any retry.
 */
@QuarkusTest
class CrashWindowTest {

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"DROP_AFTER_CREATE", "HANG_AFTER_CREATE"})
    void adoptsTheTaskWhoseCreateResponseWasLost(Fault fault) {
        IncsSimulator sim = cleanStart(client);
        String eventId = newId("evt");
        String caseId = newId("case");
        String phone = newPhone();
        sim.faults().failNext(Route.CREATE, fault, 1);

        sendEvent(eventId, caseId, phone);

        awaitState(eventId, "created");
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(1);
        assertThat(taskIdOf(eventId)).isEqualTo(sim.tasksWithPhone(phone).get(0).id());
        assertThat(outboxTypes(caseId)).containsExactly("collection.task.created");
    }

    @Test
    void adoptsTheTaskOfAnAttemptThatACrashInterrupted() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String eventId = newId("evt");
        String caseId = newId("case");
        String phone = newPhone();
        CreateTaskCommand command = new CreateTaskCommand("Collection " + caseId, "Collection case " + caseId,
                CreateTaskCommand.MESSAGE_TASK, 30058, phone, "Budi", "incs_1", null);
        // The state a replica leaves when it dies right after incs created the task: submitting, claim expired.
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                    attempts, next_attempt_at, submitted_at, received_at, updated_at)
                values (?, ?, 'collection.task.requested', ?, 'incs_1', 'submitting', ?, 1,
                    now(), now() - interval '5 seconds', now() - interval '6 seconds', now())
                """, eventId, caseId, phone, json.writeValueAsString(command));
        SimTask created = sim.createTask(new NewTask(command.name(), command.description(), 3, 30058, "Budi", phone,
                "incs_1", null, SimTask.NOT_STARTED, Instant.now().minusSeconds(4)));

        awaitState(eventId, "created");

        assertThat(taskIdOf(eventId)).isEqualTo(created.id());
        assertThat(sim.counters().requests(Route.CREATE)).isZero();
        assertThat(sim.tasksWithPhone(phone)).hasSize(1);
        assertThat(outboxTypes(caseId)).containsExactly("collection.task.created");
    }

    @Test
    void sendsTheRequestAgainWhenTheInterruptedAttemptCreatedNothing() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String eventId = newId("evt");
        String caseId = newId("case");
        String phone = newPhone();
        CreateTaskCommand command = storedCommand(caseId, phone, "incs_2");
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                    attempts, next_attempt_at, submitted_at, received_at, updated_at)
                values (?, ?, 'collection.task.requested', ?, 'incs_2', 'submitting', ?, 1,
                    now(), now() - interval '5 seconds', now() - interval '6 seconds', now())
                """, eventId, caseId, phone, json.writeValueAsString(command));

        awaitState(eventId, "created");

        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
        assertThat(sim.counters().requests(Route.LIST)).isPositive();
    }
}
