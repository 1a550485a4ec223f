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
import com.lendingops.taskbridge.config.IngestConfig;
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
 * drive (a retry, a deferred request, a recovery) progresses while a Kafka backlog keeps intake busy.
 * <p>
 * Without the reserve, intake holds every slot for as long as the consumer has records (a finished unit's slot goes
 * straight to the consumer's waiting admission), so the scheduler finds room only once the whole backlog has been
 * consumed and stored: no backlog event could be stored after the scheduled request was created. With the reserve
 * the scheduled request is admitted at once and waits only for its turn among the in-flight incs calls, so many
 * backlog events are still in Kafka when it is created. Run with {@code -Dbridge.ingest.scheduler-reserved-share=0}
 * this test fails (none or a handful stored afterwards). Database timestamps, no wall-clock threshold: a slow
 * machine slows intake and the scheduled request alike.
 */
@QuarkusTest
class SchedulerDuringBacklogTest {

    private static final int BACKLOG = 250;

    @Inject
    IncsClient client;

    @Inject
    ObjectMapper json;

    @Inject
    IngestConfig config;

    @Test
    void aRequestDueForTheSchedulerIsCreatedWhileMuchOfTheBacklogIsStillInKafka() throws Exception {
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
            // read at once: a later update of the row only moves this later, which can only lower the count below
            String createdAt = strings("select updated_at::text from task_request where event_id = ?", retried).get(0);
            await().atMost(Duration.ofMinutes(3)).until(() -> count("case_id like 'backlog-%'") == BACKLOG);

            long storedAfter = count("case_id like 'backlog-%' and received_at > '" + createdAt + "'::timestamptz");
            int intakeShare = config.maxPending()
                    - KeyedWorkQueue.reserved(config.maxPending(), config.schedulerReservedShare());
            assertThat(storedAfter)
                    .as("backlog events consumed from Kafka after the scheduled request was created (of %d)", BACKLOG)
                    .isGreaterThan(intakeShare);
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
