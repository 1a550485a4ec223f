package com.lendingops.taskbridge.sync;

import static com.lendingops.taskbridge.outbox.PublishedEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.outbox.PublishedEvents;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through ingest and sync together: a request deferred behind our own task is created once the sync
 * sees that task complete (TaskEnded), and both cases' events are published in order.
 */
@QuarkusTest
class DeferredRequestAfterTaskEndTest {

    private static final String REQUESTS = "collection-task-requests";
    private static final AtomicLong PHONES = new AtomicLong(6_281_700_000_000L + System.nanoTime() % 1_000_000);

    @Inject
    SyncCycle sync;

    private final IncsSimulator incs = TestEnvironment.get().incs();
    private KafkaTestClient kafka;

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        TestEnvironment.get().kafka().createTopics(3, TOPIC, REQUESTS);
        kafka = TestEnvironment.get().newKafkaClient();
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void deferredRequestIsCreatedWhenTheSyncSeesTheBlockingTaskComplete() {
        String phone = String.valueOf(PHONES.incrementAndGet());
        String firstCase = "CASE-" + UUID.randomUUID();
        String secondCase = "CASE-" + UUID.randomUUID();
        String first = request(firstCase, phone);
        awaitState(first, "created");
        String second = request(secondCase, phone);
        awaitState(second, "deferred");
        sync.runCycle().await().atMost(SyncTestSupport.WAIT);

        incs.complete(taskIdOf(first));
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);

        assertThat(report.ended()).isEqualTo(1);
        awaitState(second, "created");
        assertThat(incs.counters().tasksCreatedFor(phone)).isEqualTo(2);
        SyncTestSupport.awaitPublished(firstCase);
        SyncTestSupport.awaitPublished(secondCase);
        List<ConsumerRecord<String, String>> firstEvents = PublishedEvents.all(kafka, firstCase);
        List<ConsumerRecord<String, String>> secondEvents = PublishedEvents.all(kafka, secondCase);
        assertThat(PublishedEvents.types(firstEvents))
                .containsExactly("collection.task.created", "collection.task.status-changed");
        assertThat(PublishedEvents.types(secondEvents))
                .containsExactly("collection.task.deferred", "collection.task.created");
        firstEvents.forEach(PublishedEvents::assertValidCloudEvent);
        secondEvents.forEach(PublishedEvents::assertValidCloudEvent);
    }

    private String request(String caseId, String phone) {
        String eventId = UUID.randomUUID().toString();
        kafka.send(REQUESTS, caseId, """
                {"event_id":"%s","event_type":"collection.task.requested","occurred_at":"2026-04-16T09:44:48Z",
                 "case_id":"%s","customer":{"name":"Budi","phone":"%s"},"assignee":"incs_1"}"""
                .formatted(eventId, caseId, phone));
        return eventId;
    }

    private static void awaitState(String eventId, String state) {
        await().atMost(SyncTestSupport.WAIT).until(() -> state.equals(text(
                "select state from task_request where event_id = ?", eventId)));
    }

    private static long taskIdOf(String eventId) {
        return SyncTestSupport.queryLong("select task_id from task_request where event_id = ?", eventId);
    }

    private static String text(String sql, String arg) throws SQLException {
        try (Connection connection = TestEnvironment.get().postgres().openConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, arg);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
