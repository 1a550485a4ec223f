package com.lendingops.taskbridge.retention;

import static com.lendingops.taskbridge.testsupport.EventScenario.WAIT;
import static com.lendingops.taskbridge.testsupport.EventScenario.strings;
import static com.lendingops.taskbridge.testsupport.EventScenario.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.config.RetentionConfig;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personal data of finished requests goes after the retention period, in batches, once, on the real database. */
@QuarkusTest
class PiiRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final OffsetDateTime OLD = NOW.minus(Duration.ofDays(120)).atOffset(ZoneOffset.UTC);
    private static final OffsetDateTime RECENT = NOW.minus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC);
    private static final String BODY = "{\"name\":\"Budi\",\"user_phone\":\"6281512345678\"}";

    @Inject
    Pool pool;
    @Inject
    RetentionConfig defaults;

    @BeforeEach
    void cleanDatabase() {
        TestEnvironment.get().postgres().truncateAll();
    }

    @Test
    void redactsOldFinishedRequestsAndTheirEndedTasksButLeavesRecentAndUnfinishedOnes() {
        request("old-rejected", "rejected", OLD);
        request("old-failed", "failed", OLD);
        request("old-created-ended", "created", OLD);
        task(1, "old-created-ended", 2, false, OLD);
        request("old-created-open", "created", OLD);
        task(2, "old-created-open", 1, true, OLD);
        request("old-created-tail-due", "created", OLD);
        task(3, "old-created-tail-due", 3, true, OLD);
        request("recent-rejected", "rejected", RECENT);
        request("old-deferred", "deferred", OLD);

        int redacted = redactor(100).redactExpired().await().atMost(WAIT);

        assertThat(redacted).isEqualTo(3);
        assertThat(redactedRequests()).containsExactlyInAnyOrder("old-rejected", "old-failed", "old-created-ended");
        assertThat(strings("select event_id from task_request where request_body is not null and user_phone is not null"
                + " and redacted_at is null")).containsExactlyInAnyOrder("old-created-open", "old-created-tail-due",
                "recent-rejected", "old-deferred");
        assertThat(strings("select task_id::text from incs_task where user_phone is null and name is null"))
                .containsExactly("1");
        assertThat(strings("select state from task_request where event_id = 'old-created-ended'")).containsExactly(
                "created");
    }

    @Test
    void worksInBatchesOfTheConfiguredSizeAndARepeatedRunChangesNothing() {
        for (int i = 0; i < 5; i++) {
            request("old-" + i, "rejected", OLD);
        }
        PiiRedactor redactor = redactor(2);
        OffsetDateTime cutoff = NOW.minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC);

        int firstBatch = redactor.redactBatch(cutoff, NOW.atOffset(ZoneOffset.UTC)).await().atMost(WAIT);
        assertThat(firstBatch).isEqualTo(2);
        assertThat(redactedRequests()).hasSize(2);

        assertThat(redactor.redactExpired().await().atMost(WAIT)).isEqualTo(3);
        assertThat(redactor.redactExpired().await().atMost(WAIT)).isZero();
        assertThat(redactedRequests()).hasSize(5);
    }

    @Test
    void twoReplicasRunningAtOnceRedactEveryRowExactlyOnce() {
        for (int i = 0; i < 40; i++) {
            request("old-" + i, i % 2 == 0 ? "rejected" : "failed", OLD);
        }

        List<Integer> counts = Uni.join().all(redactor(3).redactExpired(), redactor(3).redactExpired())
                .andFailFast().await().atMost(WAIT);

        assertThat(counts.get(0) + counts.get(1)).isEqualTo(40);
        assertThat(redactedRequests()).hasSize(40);
    }

    @Test
    void keepsNinetyDaysByDefault() {
        assertThat(defaults.period()).isEqualTo(Duration.ofDays(90));
    }

    private PiiRedactor redactor(int batchSize) {
        return new PiiRedactor(pool, config(batchSize), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RetentionConfig config(int batchSize) {
        return new RetentionConfig() {
            @Override
            public boolean scheduled() {
                return false;
            }

            @Override
            public Duration period() {
                return Duration.ofDays(90);
            }

            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public Duration interval() {
                return Duration.ofHours(1);
            }
        };
    }

    private static List<String> redactedRequests() {
        return strings("select event_id from task_request where redacted_at is not null and request_body is null"
                + " and user_phone is null");
    }

    private static void request(String eventId, String state, OffsetDateTime updatedAt) {
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, state, request_body, received_at,
                    updated_at) values (?, ?, 'collection.task.requested', '6281512345678', ?, ?, ?, ?)""",
                eventId, "CASE-" + eventId, state, BODY, updatedAt, updatedAt);
    }

    private static void task(long taskId, String eventId, int status, boolean tracking, OffsetDateTime updatedAt) {
        update("""
                insert into incs_task (task_id, event_id, case_id, user_phone, name, status, tracking, created_at,
                    updated_at) values (?, ?, ?, '6281512345678', 'Collection Budi', ?, ?, ?, ?)""",
                taskId, eventId, "CASE-" + eventId, (short) status, tracking, updatedAt, updatedAt);
    }
}
