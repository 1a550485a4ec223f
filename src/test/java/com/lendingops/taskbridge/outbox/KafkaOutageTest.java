package com.lendingops.taskbridge.outbox;

import static com.lendingops.taskbridge.outbox.PublishedEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.sync.CycleReport;
import com.lendingops.taskbridge.sync.SyncCycle;
import com.lendingops.taskbridge.sync.SyncTestSupport;
import com.lendingops.taskbridge.sync.TrackedTaskFixture;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made while the broker is down are all delivered after it is back, in order, none lost. */
@QuarkusTest
class KafkaOutageTest {

    private static final AtomicLong PHONES = new AtomicLong(6_281_600_000_000L + System.nanoTime() % 1_000_000);

    @Inject
    SyncCycle sync;
    @Inject
    TrackedTaskFixture fixture;
    @Inject
    OutboxMetrics outboxMetrics;
    @Inject
    MeterRegistry registry;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void isolate() {
        incs.reset();
        SyncTestSupport.cleanTables();
        TestEnvironment.get().kafka().createTopics(3, TOPIC);
    }

    @Test
    void eventsStoredDuringABrokerOutageAreDeliveredInOrderAfterIt() throws Exception {
        SimTask task = incs.createTask(NewTask.forPhone(String.valueOf(PHONES.incrementAndGet())));
        String caseId = fixture.track(task);
        cycle();
        SyncTestSupport.awaitPublished(caseId);

        double refusedBefore = refusedSends();
        TestEnvironment.get().kafka().whileStopped(() -> {
            incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
            cycle();
            incs.addRemark(task.id(), "no answer");
            cycle();
            incs.reassign(task.id(), "incs_2");
            cycle();
            incs.complete(task.id());
            cycle();
            outboxMetrics.refresh().await().atMost(SyncTestSupport.WAIT);
            assertThat(SyncTestSupport.pendingRows(caseId)).as("held back while Kafka is down").isEqualTo(4);
            assertThat(outboxMetrics.pending()).isGreaterThanOrEqualTo(4);
            assertThat(outboxMetrics.lagSeconds()).isPositive();
            // stay down until Kafka has refused a send, so the relay's retry path is what delivers them
            await().atMost(SyncTestSupport.WAIT).until(() -> refusedSends() > refusedBefore);
        });
        SyncTestSupport.awaitPublished(caseId);

        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            List<ConsumerRecord<String, String>> delivered = PublishedEvents.deduplicated(
                    PublishedEvents.all(kafka, caseId));
            assertThat(PublishedEvents.types(delivered)).containsExactly("collection.task.created",
                    "collection.task.status-changed", "collection.task.remarked", "collection.task.assigned",
                    "collection.task.status-changed");
            delivered.forEach(PublishedEvents::assertValidCloudEvent);
            assertThat(PublishedEvents.data(delivered.get(4)).get("status").asInt()).isEqualTo(SimTask.COMPLETED);
        }
    }

    private double refusedSends() {
        return registry.counter("outbox.publish.failures").count();
    }

    private void cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.failures()).isZero();
    }
}
