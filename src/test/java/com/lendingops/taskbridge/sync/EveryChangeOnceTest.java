package com.lendingops.taskbridge.sync;

import static com.lendingops.taskbridge.outbox.PublishedEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change incs records reaches Kafka once, with an identity of its own (issue 9, "Every change, once"). */
@QuarkusTest
class EveryChangeOnceTest {

    private static final AtomicLong PHONES = new AtomicLong(6_281_500_000_000L + System.nanoTime() % 1_000_000);

    @Inject
    SyncCycle sync;
    @Inject
    TrackedTaskFixture fixture;

    private final IncsSimulator incs = TestEnvironment.get().incs();
    private KafkaTestClient kafka;

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        TestEnvironment.get().kafka().createTopics(3, TOPIC);
        kafka = TestEnvironment.get().newKafkaClient();
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void reassignmentsBackAndForthWithoutLogsAreThreeEventsWithThreeIds() {
        SimTask task = newTask("alice");
        String caseId = fixture.track(task);
        cycle();
        incs.reassignWithoutLog(task.id(), "bob");
        cycle();
        incs.reassignWithoutLog(task.id(), "alice");
        cycle();
        incs.reassignWithoutLog(task.id(), "bob");
        cycle();

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.assigned", "collection.task.assigned", "collection.task.assigned");
        assertThat(events.stream().map(r -> PublishedEvents.data(r).path("assignee").asText()).skip(1))
                .containsExactly("bob", "alice", "bob");
        assertThat(events.stream().map(r -> KafkaTestClient.header(r, "ce_id")).distinct()).hasSize(4);
    }

    @Test
    void statusAndAssigneeChangedWithoutLogsCarryTheValuesAsOfEachChange() {
        SimTask task = newTask("alice");
        String caseId = fixture.track(task);
        cycle();
        incs.reassignWithoutLog(task.id(), "bob");
        incs.moveToStatusWithoutLog(task.id(), SimTask.COMPLETED);
        cycle();

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.assigned", "collection.task.status-changed");
        JsonNode assigned = PublishedEvents.data(events.get(1));
        assertThat(assigned.get("previous_assignee").asText()).isEqualTo("alice");
        assertThat(assigned.get("assignee").asText()).isEqualTo("bob");
        JsonNode completed = PublishedEvents.data(events.get(2));
        assertThat(completed.get("status").asInt()).isEqualTo(SimTask.COMPLETED);
        assertThat(completed.get("assignee").asText()).as("completed by the new assignee").isEqualTo("bob");
    }

    @Test
    void taskAdoptedAfterItMovedOnPublishesEveryLoggedChangeSinceCreation() {
        SimTask task = newTask("alice");
        incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
        incs.addRemark(task.id(), "answered before we knew the task");
        // recorded as ingest does after a lost answer: the current status, only the creation logs, never synced
        String caseId = fixture.track(incs.task(task.id()).orElseThrow());
        cycle();

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.status-changed", "collection.task.remarked");
        assertThat(PublishedEvents.data(events.get(1)).get("status").asInt()).isEqualTo(SimTask.IN_PROGRESS);
    }

    @Test
    void remarkWrittenJustAfterTheTaskEndedIsPublished() {
        SimTask task = newTask("alice");
        String caseId = fixture.track(task);
        cycle();
        incs.complete(task.id());
        cycle();
        incs.addRemark(task.id(), "customer paid, closing note");
        cycle();
        CycleReport afterTail = cycle();

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.status-changed", "collection.task.remarked");
        assertThat(SyncTestSupport.tracking(task.id())).as("tail read once, then no longer tracked").isFalse();
        assertThat(afterTail.calls()).isZero();
    }

    @Test
    void taskAdoptedAlreadyEndedIsNotTrackedForever() {
        SimTask task = newTask("alice");
        incs.complete(task.id());
        String caseId = fixture.track(incs.task(task.id()).orElseThrow());
        cycle();
        cycle();

        CycleReport later = cycle();

        assertThat(later.tracked()).isZero();
        assertThat(later.calls()).isZero();
        assertThat(PublishedEvents.types(publishedFor(caseId))).containsExactly("collection.task.created",
                "collection.task.status-changed");
    }

    @Test
    void blankAssigneeInIncsCausesNoWriteEveryCycle() {
        SimTask task = newTask("alice");
        fixture.track(task);
        cycle();
        incs.reassignWithoutLog(task.id(), " ");
        cycle();
        long version = SyncTestSupport.queryLong("select version from incs_task where task_id = ?", task.id());

        CycleReport later = cycle();

        assertThat(later.recorded()).isZero();
        assertThat(SyncTestSupport.queryLong("select version from incs_task where task_id = ?", task.id()))
                .isEqualTo(version);
    }

    @Test
    void missingTaskIsRecheckedLaterAndResumesWhenItReappears() {
        SimTask task = newTask("alice");
        String caseId = fixture.track(task);
        cycle();
        // declared missing three cycles ago, re-check not yet due: the cycle leaves it alone
        SyncTestSupport.update("update incs_task set missing_cycles = 3, recheck_at = now() + interval '1 hour'"
                + " where task_id = " + task.id());
        assertThat(cycle().tracked()).isZero();
        incs.addRemark(task.id(), "back again");
        SyncTestSupport.update("update incs_task set recheck_at = now() - interval '1 second' where task_id = "
                + task.id());

        CycleReport recheck = cycle();

        assertThat(recheck.tracked()).isEqualTo(1);
        assertThat(SyncTestSupport.queryLong("select missing_cycles from incs_task where task_id = ?", task.id()))
                .isZero();
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where recheck_at is null"
                + " and task_id = ?", task.id())).isEqualTo(1);
        assertThat(PublishedEvents.types(publishedFor(caseId))).containsExactly("collection.task.created",
                "collection.task.remarked");
    }

    private SimTask newTask(String assignee) {
        return incs.createTask(NewTask.forPhone(String.valueOf(PHONES.incrementAndGet())).withAssignee(assignee));
    }

    private CycleReport cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.failures()).isZero();
        return report;
    }

    private List<ConsumerRecord<String, String>> publishedFor(String caseId) {
        SyncTestSupport.awaitPublished(caseId);
        List<ConsumerRecord<String, String>> records = PublishedEvents.all(kafka, caseId);
        assertThat(records).as("no duplicates without failures").hasSameSizeAs(PublishedEvents.deduplicated(records));
        return records;
    }
}
