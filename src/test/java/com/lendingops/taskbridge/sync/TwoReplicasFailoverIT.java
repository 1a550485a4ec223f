package com.lendingops.taskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.outbox.PublishedEvents;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.BridgeProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application (two processes, as on Kubernetes) against one PostgreSQL,
 * one Kafka broker and the incs simulator. Separate processes rather than two component sets in one
 * JVM, because each replica then has its own scheduler, lease, Kafka producer and relay, exactly as in
 * production, and "the leader dies" can be a real kill -9.
 */
class TwoReplicasFailoverIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static KafkaBroker kafka;
    private static TestPostgres postgres;
    private static IncsSimulator incs;
    private static BridgeProcess replicaA;
    private static BridgeProcess replicaB;

    @BeforeAll
    static void startReplicas() throws Exception {
        kafka = new KafkaBroker().start();
        kafka.createTopics(3, PublishedEvents.TOPIC, "collection-task-requests", "collection-task-requests-dlq");
        postgres = TestPostgres.resolve();
        incs = IncsSimulator.start();
        replicaA = startReplica("replica-a");
        await().atMost(STARTUP).until(replicaA::ready); // one at a time: the first one migrates the schema
        replicaB = startReplica("replica-b");
        await().atMost(STARTUP).until(replicaB::ready);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {replicaA, replicaB, incs, kafka, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void oneReplicaSyncsAndPublishesEachChangeOnceAndTheOtherTakesOverWhenItDies() throws Exception {
        List<SimTask> tasks = incs.seedTasks(5, SimTask.NOT_STARTED);
        List<String> cases = BulkTracking.trackAsSynced(postgres, tasks);
        await().atMost(WAIT).until(() -> replicaA.isLeader() ^ replicaB.isLeader());
        BridgeProcess leader = replicaA.isLeader() ? replicaA : replicaB;
        BridgeProcess follower = leader == replicaA ? replicaB : replicaA;

        tasks.forEach(task -> incs.moveToStatus(task.id(), SimTask.IN_PROGRESS));
        try (KafkaTestClient consumer = new KafkaTestClient(kafka.bootstrapServers())) {
            consumer.awaitRecords(PublishedEvents.TOPIC, 5, r -> cases.contains(r.key()), WAIT);
            List<ConsumerRecord<String, String>> beforeCrash = consumer.readAll(PublishedEvents.TOPIC);
            assertThat(beforeCrash).as("each change published once").hasSize(5)
                    .hasSameSizeAs(PublishedEvents.deduplicated(beforeCrash));
            assertThat(leader.completedCycles()).isPositive();
            assertThat(follower.completedCycles()).as("the follower never syncs").isZero();
            assertThat(follower.isLeader()).isFalse();

            leader.crash();
            await().atMost(WAIT).until(follower::isLeader);
            tasks.forEach(task -> incs.addRemark(task.id(), "called after the fail-over"));
            tasks.forEach(task -> incs.complete(task.id()));

            consumer.awaitRecords(PublishedEvents.TOPIC, 15, r -> cases.contains(r.key()), WAIT);
            Map<String, List<String>> typesPerCase = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : PublishedEvents.deduplicated(
                    consumer.readAll(PublishedEvents.TOPIC))) {
                PublishedEvents.assertValidCloudEvent(record);
                typesPerCase.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>())
                        .add(KafkaTestClient.header(record, "ce_type"));
            }
            assertThat(typesPerCase).containsOnlyKeys(cases);
            typesPerCase.values().forEach(types -> assertThat(types).containsExactly(
                    "collection.task.status-changed", "collection.task.remarked", "collection.task.status-changed"));
            assertThat(follower.completedCycles()).isPositive();
        }
    }

    /** A replica configured by environment as on Kubernetes, its output in target/<instanceId>.log. */
    private static BridgeProcess startReplica(String instanceId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("INCS_API_URL", incs.baseUrl());
        env.put("INCS_API_TOKEN", incs.token());
        env.put("BRIDGE_SYNC_INTERVAL", "2s");
        env.put("BRIDGE_SYNC_INITIAL_DELAY", "1s");
        env.put("BRIDGE_SYNC_LEASE_TTL", "3s");
        env.put("BRIDGE_SYNC_LEASE_RENEW_INTERVAL", "1s");
        env.put("BRIDGE_SYNC_LEASE_INSTANCE_ID", instanceId);
        env.put("BRIDGE_OUTBOX_POLL_INTERVAL", "200ms");
        return BridgeProcess.start(List.of("-Xmx256m"), env, FreePort.find(), Path.of("target", instanceId + ".log"));
    }
}
