package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.event;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.strings;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.FaultSettings;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The retry scheduler keeps a share of max-pending that consumed events can never take, so a request it has to
 * drive (a retry, a deferred request, a recovery) progresses while a Kafka backlog keeps intake busy. The reserve
 * itself is shown deterministically by {@code KeyedWorkQueueTest}; on a loaded machine the scheduled request was
 * created when 220 to 330 of the 300 to 400 backlog events were, which this end-to-end check cannot tell apart
 * from "room only once the consumer ran dry" (the last max-pending events), so it checks progress before the end.
 */
@QuarkusTest
class SchedulerDuringBacklogTest {

    private static final int BACKLOG = 300;

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @Test
    void aRequestDueForTheSchedulerIsCreatedWhileTheBacklogIsStillBeingWorkedOff() throws Exception {
        IncsSimulator sim = cleanStart(client);
        sim.faults().set(FaultSettings.none().withLatency(Duration.ofMillis(1500)));
        try {
            try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
                for (int i = 0; i < BACKLOG; i++) {
                    String caseId = newId("backlog");
                    kafka.send(IngestTestSupport.TOPIC, caseId, event(newId("evt"), caseId, newPhone()));
                }
            }
            await().atMost(WAIT).until(() -> count("state in ('submitting', 'received')") > 20);
            String retried = newId("evt");
            String phone = newPhone();
            String caseId = newId("case");
            CreateTaskCommand command = new CreateTaskCommand("Collection " + caseId, null,
                    CreateTaskCommand.MESSAGE_TASK, 30058, phone, "Budi", "incs_1", null);
            // A request whose earlier attempt failed for sure: due for the scheduler now.
            update("""
                    insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                        attempts, failures, next_attempt_at, received_at, updated_at)
                    values (?, ?, 'collection.task.requested', ?, 'incs_1', 'received', ?, 1, 1, now(), now(), now())
                    """, retried, caseId, phone, json.writeValueAsString(command));

            awaitState(retried, "created");

            assertThat(count("state = 'created' and event_id like 'evt-%' and case_id like 'backlog-%'"))
                    .as("backlog events created when the scheduled request was").isLessThan(BACKLOG);
        } finally {
            sim.faults().set(FaultSettings.none());
            // the next test starts from empty tables: let the backlog finish first
            await().atMost(Duration.ofMinutes(3)).until(() -> count("state in ('received', 'submitting')") == 0);
        }
    }

    private static long count(String where) {
        return Long.parseLong(strings("select count(*) from task_request where " + where).get(0));
    }
}
