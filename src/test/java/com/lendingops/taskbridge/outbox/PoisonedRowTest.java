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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remark larger than the topic's {@code max.message.bytes}: Kafka refuses its row for good. Only its own key
 * waits (per-key backoff), every other key keeps publishing, the row is parked after
 * {@code park-after-attempts} (state, gauge) and its key then goes on with its later events.
 */
@QuarkusTest
class PoisonedRowTest {

    private static final int MAX_MESSAGE_BYTES = 10_000;

    @Inject
    SyncCycle sync;
    @Inject
    TrackedTaskFixture fixture;
    @Inject
    OutboxMetrics metrics;

    private final IncsSimulator incs = TestEnvironment.get().incs();

    @BeforeEach
    void smallRecordsOnly() throws Exception {
        incs.reset();
        SyncTestSupport.cleanTables();
        TestEnvironment.get().kafka().createTopics(3, TOPIC);
        alterTopic(AlterConfigOp.OpType.SET);
    }

    @AfterEach
    void defaultRecordSize() throws Exception {
        alterTopic(AlterConfigOp.OpType.DELETE);
    }

    @Test
    void oversizedRemarkBlocksOnlyItsKeyAndIsParkedThenItsKeyGoesOn() {
        SimTask poisoned = newTask("6281588800001");
        String poisonedCase = fixture.track(poisoned);
        List<SimTask> others = new ArrayList<>();
        List<String> otherCases = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            SimTask task = newTask("628158880000" + i);
            others.add(task);
            otherCases.add(fixture.track(task));
        }
        cycle();
        incs.addRemark(poisoned.id(), "x".repeat(3 * MAX_MESSAGE_BYTES));
        cycle();
        others.forEach(task -> incs.addRemark(task.id(), "first call"));
        cycle();
        others.forEach(task -> incs.addRemark(task.id(), "second call"));
        cycle();

        otherCases.forEach(SyncTestSupport::awaitPublished);
        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where published_at is null"
                + " and record_key = ?", poisonedCase)).as("the oversized row is never published").isOne();

        await().atMost(SyncTestSupport.WAIT).until(() -> SyncTestSupport.queryLong(
                "select count(*) from outbox_event where parked_at is not null and record_key = ?", poisonedCase) == 1);
        assertThat(SyncTestSupport.queryLong("select attempts from outbox_event where parked_at is not null "
                + "and record_key = ?", poisonedCase)).isEqualTo(3);
        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where parked_at is not null "
                + "and last_error like 'RecordTooLargeException%'")).isOne();
        metrics.refresh().await().atMost(SyncTestSupport.WAIT);
        assertThat(metrics.parked()).isOne();

        incs.addRemark(poisoned.id(), "a normal remark after the big one");
        cycle();
        await().atMost(SyncTestSupport.WAIT).until(() -> SyncTestSupport.queryLong("select count(*) from outbox_event"
                + " where published_at is null and parked_at is null and record_key = ?", poisonedCase) == 0);
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            assertThat(PublishedEvents.types(PublishedEvents.all(kafka, poisonedCase)))
                    .containsExactly("collection.task.created", "collection.task.remarked");
            for (String caseId : otherCases) {
                assertThat(PublishedEvents.types(PublishedEvents.all(kafka, caseId))).containsExactly(
                        "collection.task.created", "collection.task.remarked", "collection.task.remarked");
            }
        }
    }

    private SimTask newTask(String phone) {
        return incs.createTask(NewTask.forPhone(phone).withAssignee("incs_1"));
    }

    private void cycle() {
        CycleReport report = sync.runCycle().await().atMost(SyncTestSupport.WAIT);
        assertThat(report.ran()).isTrue();
    }

    private static void alterTopic(AlterConfigOp.OpType op) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestEnvironment.get().kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES)), op));
            admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
        }
    }
}
