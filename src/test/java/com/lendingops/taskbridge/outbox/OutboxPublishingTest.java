package com.lendingops.taskbridge.outbox;

import static com.lendingops.taskbridge.outbox.PublishedEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.events.TaskRemarked;
import com.lendingops.taskbridge.sync.SyncTestSupport;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The running relay on the real broker and database: per-key order, exactly the appended events, pruning. */
@QuarkusTest
class OutboxPublishingTest {

    private static final AtomicLong TASK_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    OutboxWriter writer;
    @Inject
    OutboxPruner pruner;

    @BeforeEach
    void topic() {
        TestEnvironment.get().kafka().createTopics(3, TOPIC);
    }

    @Test
    void interleavedEventsOfSeveralCasesArePublishedInAppendOrderPerCase() throws Throwable {
        List<String> cases = List.of(newCase(), newCase(), newCase());
        List<TaskEvent> appended = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            appended.add(remark(cases.get(i % 3), i));
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> appendAll(appended)));
        cases.forEach(SyncTestSupport::awaitPublished);

        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            for (String caseId : cases) {
                List<ConsumerRecord<String, String>> records = PublishedEvents.all(kafka, caseId);
                List<String> expectedIds = appended.stream().filter(e -> e.caseId().equals(caseId))
                        .map(TaskEvent::id).toList();
                assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_id"))
                        .containsExactlyElementsOf(expectedIds);
                records.forEach(PublishedEvents::assertValidCloudEvent);
            }
        }
    }

    @Test
    void appendingAnEventTwiceStoresItOnce() throws Throwable {
        String caseId = newCase();
        TaskEvent event = remark(caseId, 1);

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> appendAll(List.of(event, event))));

        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where record_key = ?", caseId))
                .isEqualTo(1);
    }

    @Test
    void pruningDeletesOnlyRowsPublishedLongerAgoThanTheRetention() {
        String caseId = newCase();
        insertRow(caseId, "now() - interval '8 days'");
        insertRow(caseId, "now() - interval '1 day'");

        long deleted = pruner.prune().await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(SyncTestSupport.queryLong(
                "select count(*) from outbox_event where record_key = ? and published_at < now() - interval '7 days'",
                caseId)).isZero();
        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where record_key = ?", caseId))
                .isEqualTo(1);
    }

    private io.smallrye.mutiny.Uni<Void> appendAll(List<TaskEvent> events) {
        io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
        for (TaskEvent event : events) {
            chain = chain.chain(() -> writer.append(event));
        }
        return chain;
    }

    /** A remark on a task id of its own: ce_ids (task id + log id) never collide with another test's. */
    private static TaskEvent remark(String caseId, int n) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7));
        long taskId = TASK_IDS.incrementAndGet();
        return TaskEvent.remarked(new TaskRemarked("ev-" + caseId, caseId, taskId, "remark " + n, "incs_1", at), n);
    }

    private static void insertRow(String caseId, String publishedAt) {
        SyncTestSupport.update("insert into outbox_event (ce_id, ce_type, ce_subject, ce_time, record_key, payload, "
                + "created_at, published_at) values ('" + UUID.randomUUID() + "', 'collection.task.remarked', '1', now(), '"
                + caseId + "', '{}', now(), " + publishedAt + ")");
    }

    private static String newCase() {
        return "CASE-" + UUID.randomUUID();
    }
}
