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

/** A task's life on the simulator becomes exactly its events, in order, on its case's key. */
@QuarkusTest
class TaskLifeEventsTest {

    private static final AtomicLong PHONES = new AtomicLong(6_281_300_000_000L + System.nanoTime() % 1_000_000);

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
    void completedTaskYieldsCreatedStartedRemarkedAssignedCompletedInOrder() {
        SimTask task = newTask();
        String caseId = fixture.track(task);
        cycle();
        incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
        cycle();
        incs.addRemark(task.id(), "promised to pay on Friday");
        cycle();
        incs.reassign(task.id(), "incs_2");
        cycle();
        incs.complete(task.id());
        cycle();
        cycle(); // the ended task's tail is read once more

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.status-changed", "collection.task.remarked", "collection.task.assigned",
                "collection.task.status-changed");
        events.forEach(PublishedEvents::assertValidCloudEvent);
        assertStatusChange(events.get(1), 0, 1, "in_progress", "incs_1");
        assertThat(PublishedEvents.data(events.get(2)).get("comment").asText()).isEqualTo("promised to pay on Friday");
        JsonNode assigned = PublishedEvents.data(events.get(3));
        assertThat(assigned.get("previous_assignee").asText()).isEqualTo("incs_1");
        assertThat(assigned.get("assignee").asText()).isEqualTo("incs_2");
        assertStatusChange(events.get(4), 1, 2, "completed", "incs_2");
        assertThat(SyncTestSupport.tracking(task.id())).isFalse();
    }

    @Test
    void terminatedTaskYieldsCreatedStartedRemarkedAssignedTerminatedInOrder() {
        SimTask task = newTask();
        String caseId = fixture.track(task);
        cycle();
        incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
        cycle();
        incs.addRemark(task.id(), "wrong number");
        cycle();
        incs.reassign(task.id(), "incs_3");
        cycle();
        incs.terminate(task.id());
        cycle();
        cycle(); // the ended task's tail is read once more

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.status-changed", "collection.task.remarked", "collection.task.assigned",
                "collection.task.status-changed");
        events.forEach(PublishedEvents::assertValidCloudEvent);
        assertStatusChange(events.get(4), 1, 3, "terminated", "incs_3");
        assertThat(SyncTestSupport.tracking(task.id())).isFalse();
    }

    @Test
    void taskChangedTwiceBetweenTwoCyclesYieldsBothChanges() {
        SimTask task = newTask();
        String caseId = fixture.track(task);
        cycle();
        incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
        incs.complete(task.id());
        cycle();
        cycle(); // the ended task's tail is read once more

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.status-changed", "collection.task.status-changed");
        assertStatusChange(events.get(1), 0, 1, "in_progress", "incs_1");
        assertStatusChange(events.get(2), 1, 2, "completed", "incs_1");
    }

    @Test
    void statusChangeWithoutLogStillYieldsStatusChanged() {
        SimTask task = newTask();
        String caseId = fixture.track(task);
        cycle();
        incs.moveToStatusWithoutLog(task.id(), SimTask.IN_PROGRESS);
        cycle();

        List<ConsumerRecord<String, String>> events = publishedFor(caseId);

        assertThat(PublishedEvents.types(events)).containsExactly("collection.task.created",
                "collection.task.status-changed");
        events.forEach(PublishedEvents::assertValidCloudEvent);
        assertStatusChange(events.get(1), 0, 1, "in_progress", "incs_1");
    }

    @Test
    void cyclesWithoutChangesPublishNothingNew() {
        SimTask task = newTask();
        String caseId = fixture.track(task);
        cycle();
        incs.addRemark(task.id(), "first call");
        cycle();
        cycle();
        cycle();

        assertThat(PublishedEvents.types(publishedFor(caseId)))
                .containsExactly("collection.task.created", "collection.task.remarked");
    }

    private SimTask newTask() {
        return incs.createTask(NewTask.forPhone(String.valueOf(PHONES.incrementAndGet())).withAssignee("incs_1"));
    }

    private void cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.failures()).isZero();
    }

    /** All of the case's records once the outbox has nothing pending for it; a consumer dedupes on ce_id. */
    private List<ConsumerRecord<String, String>> publishedFor(String caseId) {
        SyncTestSupport.awaitPublished(caseId);
        List<ConsumerRecord<String, String>> records = PublishedEvents.all(kafka, caseId);
        assertThat(records).as("no duplicates without failures").hasSameSizeAs(PublishedEvents.deduplicated(records));
        return records;
    }

    private static void assertStatusChange(ConsumerRecord<String, String> record, int from, int to, String name,
                                           String assignee) {
        JsonNode data = PublishedEvents.data(record);
        assertThat(data.get("previous_status").asInt()).isEqualTo(from);
        assertThat(data.get("status").asInt()).isEqualTo(to);
        assertThat(data.get("status_name").asText()).isEqualTo(name);
        assertThat(data.get("assignee").asText()).isEqualTo(assignee);
        assertThat(data.get("changed_at").asText()).endsWith("+07:00");
    }
}
