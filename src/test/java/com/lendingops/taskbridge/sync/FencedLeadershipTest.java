package com.lendingops.taskbridge.sync;

import static com.lendingops.taskbridge.outbox.PublishedEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.TaskQuery;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseFence;
import com.lendingops.taskbridge.leader.LeaseProducer;
import com.lendingops.taskbridge.outbox.OutboxStore;
import com.lendingops.taskbridge.outbox.PublishedEvents;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A leader frozen longer than its lease (its renewals and its cycle stalled, as in a GC pause) while another
 * replica takes over and records newer state: once thawed it writes nothing, publishes nothing and calls incs no
 * more. The other replica is a second lease on the same row plus the real recorder, in this JVM.
 */
@QuarkusTest
class FencedLeadershipTest {

    private static final Duration WAIT = SyncTestSupport.WAIT;

    @Inject
    SyncCycle sync;
    @Inject
    SyncCheckpoints checkpoints;
    @Inject
    TaskChangeRecorder recorder;
    @Inject
    TrackedTaskFixture fixture;
    @Inject
    LeaderLease lease;
    @Inject
    Scheduler scheduler;
    @Inject
    Pool pool;
    @Inject
    IncsClient client;
    @Inject
    OutboxStore outbox;

    private final IncsSimulator incs = TestEnvironment.get().incs();
    private LeaderLease replicaB;

    @BeforeEach
    void isolate() {
        SyncTestSupport.startFromScratch();
        TestEnvironment.get().kafka().createTopics(3, TOPIC);
        replicaB = new LeaderLease(pool, LeaseProducer.LEASE_NAME, "replica-b", Duration.ofSeconds(60));
        await().atMost(WAIT).until(lease::isLeader);
    }

    @AfterEach
    void thawAndHandBack() {
        replicaB.release().await().atMost(WAIT);
        scheduler.resume("leader-lease");
        await().atMost(WAIT).until(lease::isLeader);
    }

    @Test
    void frozenLeaderThawedAfterATakeOverWritesNothingPublishesNothingAndCallsIncsNoMore() throws Exception {
        SimTask task = incs.createTask(NewTask.forPhone("6281577700001").withAssignee("incs_1"));
        String caseId = fixture.track(task);
        cycle();
        incs.reassign(task.id(), "incs_2");

        // replica A reads the reassignment to incs_2, then freezes before recording it, and stops renewing
        SyncCheckpoints.Stall stall = checkpoints.stallAt(SyncCheckpoints.Step.RECORD);
        CompletableFuture<CycleReport> frozen = sync.runCycle().subscribeAsCompletionStage();
        stall.reached().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        scheduler.pause("leader-lease");

        // replica B takes over once A's lease expired and records newer state: incs_2, then incs_3
        await().atMost(WAIT).until(() -> replicaB.takeOrRenew().await().atMost(WAIT));
        LeaseFence fenceB = replicaB.currentFence().orElseThrow();
        incs.reassign(task.id(), "incs_3");
        IncsTaskView newer = client.listTasks(TaskQuery.byTaskId(task.id())).await().atMost(WAIT).tasks().get(0);
        TaskChangeRecorder.Recorded byB = recorder.recordViews(List.of(newer), fenceB).await().atMost(WAIT);
        assertThat(byB.events()).isEqualTo(2);
        long callsBeforeThaw = incs.counters().listCalls();

        stall.release();
        CycleReport thawed = frozen.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(thawed.stopped()).as("A stops at its next step").isTrue();
        assertThat(incs.counters().listCalls()).as("no incs call after the thaw").isEqualTo(callsBeforeThaw);
        assertThat(SyncTestSupport.queryLong("select count(*) from incs_task where assignee = 'incs_3' and task_id = ?",
                task.id())).as("no stale view overwrote B's state").isEqualTo(1);
        assertThat(SyncTestSupport.queryLong("select count(*) from outbox_event where record_key = ?", caseId))
                .as("created + B's two reassignments, no phantom incs_3 -> incs_2").isEqualTo(3);

        // the stale replica's own, older fence can no longer record or mark anything published
        LeaseFence fenceA = new LeaseFence(fenceB.name(), lease.instanceId(), fenceB.epoch() - 1);
        assertThat(recorder.recordViews(List.of(newer), fenceA).await().atMost(WAIT).fenced()).isTrue();
        long pendingRow = SyncTestSupport.queryLong(
                "select min(id) from outbox_event where published_at is null and record_key = ?", caseId);
        assertThat(outbox.markPublished(List.of(pendingRow), fenceA).await().atMost(WAIT)).isFalse();
        assertThat(SyncTestSupport.pendingRows(caseId)).isPositive();
    }

    @Test
    void afterTheHandBackEveryChangeIsPublishedOnceWithoutPhantoms() throws Exception {
        SimTask task = incs.createTask(NewTask.forPhone("6281577700002").withAssignee("incs_1"));
        String caseId = fixture.track(task);
        cycle();
        incs.reassign(task.id(), "incs_2");
        SyncCheckpoints.Stall stall = checkpoints.stallAt(SyncCheckpoints.Step.RECORD);
        CompletableFuture<CycleReport> frozen = sync.runCycle().subscribeAsCompletionStage();
        stall.reached().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        scheduler.pause("leader-lease");
        await().atMost(WAIT).until(() -> replicaB.takeOrRenew().await().atMost(WAIT));
        incs.reassign(task.id(), "incs_3");
        IncsTaskView newer = client.listTasks(TaskQuery.byTaskId(task.id())).await().atMost(WAIT).tasks().get(0);
        recorder.recordViews(List.of(newer), replicaB.currentFence().orElseThrow()).await().atMost(WAIT);
        stall.release();
        frozen.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        replicaB.release().await().atMost(WAIT);
        scheduler.resume("leader-lease");
        await().atMost(WAIT).until(lease::isLeader);
        cycle();
        SyncTestSupport.awaitPublished(caseId);

        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            List<String> assignees = PublishedEvents.deduplicated(PublishedEvents.all(kafka, caseId)).stream()
                    .skip(1).map(r -> PublishedEvents.data(r).get("assignee").asText()).toList();
            assertThat(assignees).containsExactly("incs_2", "incs_3");
        }
    }

    private void cycle() {
        CycleReport report = sync.runCycle().await().atMost(WAIT);
        assertThat(report.ran()).isTrue();
        assertThat(report.stopped()).isFalse();
    }
}
