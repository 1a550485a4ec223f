package com.lendingops.taskbridge.sync;

import static com.lendingops.taskbridge.outbox.PublishedEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendingops.taskbridge.outbox.PublishedEvents;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How tracking ends: a final status (with TaskEnded after commit, and one more read of the task's tail), or a task
 * incs stopped returning (declared missing, then re-checked at a slower cadence).
 */
@QuarkusTest
class TaskEndAndMissingTest {

    private static final AtomicLong PHONES = new AtomicLong(6_281_400_000_000L + System.nanoTime() % 1_000_000);

    @Inject
    SyncCycle sync;
    @Inject
    TrackedTaskFixture fixture;
    @Inject
    TaskEndedProbe probe;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        TestEnvironment.get().kafka().createTopics(3, TOPIC);
    }

    @Test
    void completedTaskFiresTaskEndedAfterItsChangeIsCommitted() {
        SimTask task = newTask();
        fixture.track(task);
        cycle();
        incs.complete(task.id());

        CycleReport report = cycle();

        assertThat(report.ended()).isEqualTo(1);
        await().atMost(SyncTestSupport.WAIT).until(() -> probe.seen(task.id()) != null);
        TaskEndedProbe.Seen seen = probe.seen(task.id());
        assertThat(seen.event().userPhone()).isEqualTo(task.userPhone());
        assertThat(seen.event().status()).isEqualTo(SimTask.COMPLETED);
        assertThat(seen.committedBeforeFire()).isTrue();
    }

    @Test
    void endedTaskIsLookedUpOnceMoreForItsTailAndThenNoMore() {
        SimTask task = newTask();
        fixture.track(task);
        cycle();
        incs.terminate(task.id());
        cycle();
        CycleReport tail = cycle();

        CycleReport after = cycle();

        assertThat(tail.lookups()).isEqualTo(1);

        assertThat(after.tracked()).isZero();
        assertThat(after.calls()).isZero();
    }

    @Test
    void taskAbsentForThreeCyclesIsDeclaredMissingOnceAndThenRecheckedLater() {
        SimTask task = newTask();
        String caseId = fixture.track(task);
        cycle();
        incs.reset(); // incs forgets the task

        cycle();
        cycle();
        assertThat(SyncTestSupport.tracking(task.id())).as("still tracked after two misses").isTrue();
        CycleReport third = cycle();
        cycle();

        assertThat(third.missing()).isEqualTo(1);
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where recheck_at > now() and task_id = ?",
                task.id())).as("re-checked later, not dropped").isOne();
        assertThat(cycle().tracked()).as("not due before its re-check").isZero();
        SyncTestSupport.awaitPublished(caseId);
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            List<ConsumerRecord<String, String>> events = PublishedEvents.all(kafka, caseId);
            assertThat(PublishedEvents.types(events))
                    .containsExactly("collection.task.created", "collection.task.missing");
            PublishedEvents.assertValidCloudEvent(events.get(1));
            JsonNode missing = PublishedEvents.data(events.get(1));
            assertThat(missing.get("missed_cycles").asInt()).isEqualTo(3);
            assertThat(missing.get("last_status").asInt()).isZero();
        }
    }

    @Test
    void taskFoundAgainBeforeTheLimitResetsItsMissCount() {
        SimTask task = newTask();
        fixture.track(task);
        cycle();
        SyncTestSupport.update("update incs_task set missing_cycles = 2 where task_id = " + task.id());

        cycle();

        assertThat(SyncTestSupport.queryLong("select missing_cycles from incs_task where task_id = ?", task.id()))
                .isZero();
        assertThat(SyncTestSupport.tracking(task.id())).isTrue();
    }

    private SimTask newTask() {
        return incs.createTask(NewTask.forPhone(String.valueOf(PHONES.incrementAndGet())).withAssignee("incs_1"));
    }

    private CycleReport cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        return report;
    }
}
