package com.lendingops.taskbridge.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas' leases on one row of the real database: one holder at a time, and hand-over on expiry or release. */
@QuarkusTest
class LeaderLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    @Inject
    Pool pool;

    private LeaderLease replicaA;
    private LeaderLease replicaB;

    @BeforeEach
    void twoReplicas() {
        String name = "test-" + UUID.randomUUID();
        replicaA = new LeaderLease(pool, name, "replica-a", TTL);
        replicaB = new LeaderLease(pool, name, "replica-b", TTL);
    }

    @Test
    void onlyOneReplicaHoldsTheLease() {
        assertThat(take(replicaA)).isTrue();

        assertThat(take(replicaB)).isFalse();
        assertThat(replicaA.isLeader()).isTrue();
        assertThat(replicaB.isLeader()).isFalse();
    }

    @Test
    void holderKeepsTheLeaseByRenewing() {
        take(replicaA);

        for (int i = 0; i < 3; i++) {
            assertThat(take(replicaA)).isTrue();
            assertThat(take(replicaB)).isFalse();
        }
    }

    @Test
    void anotherReplicaTakesOverWhenTheHolderStopsRenewing() {
        take(replicaA);

        await().atMost(Duration.ofSeconds(30)).until(() -> take(replicaB));

        assertThat(replicaA.isLeader()).as("the old holder's own deadline has passed").isFalse();
        assertThat(take(replicaA)).isFalse();
    }

    @Test
    void releasedLeaseIsTakenAtOnce() {
        take(replicaA);

        replicaA.release().await().atMost(Duration.ofSeconds(30));

        assertThat(replicaA.isLeader()).isFalse();
        assertThat(take(replicaB)).isTrue();
    }

    private static boolean take(LeaderLease lease) {
        return lease.takeOrRenew().await().atMost(Duration.ofSeconds(30));
    }
}
