package com.lendingops.taskbridge.sync;

import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.testsupport.TestEnvironment;
import com.lendingops.taskbridge.testsupport.TestSql;
import java.time.Duration;

/** Database steps shared by the sync tests (plain JDBC on the shared test database). */
public final class SyncTestSupport {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private SyncTestSupport() {
    }

    /** A test's clean start: the simulator forgets every task and call, and {@link #cleanTables()}. */
    public static void startFromScratch() {
        TestEnvironment.get().incs().reset();
        cleanTables();
    }

    /**
     * Empties the request, task, log and outbox tables, so a cycle sees only the calling test's tasks and
     * no ce_id of an earlier run (the simulator's ids restart with each JVM) can suppress a new event.
     * Identities are not restarted: a relay pass still marking earlier rows can never hit a new row.
     */
    public static void cleanTables() {
        for (int attempt = 1; ; attempt++) {
            try {
                update("truncate table incs_task_log, incs_task, task_request, outbox_event cascade");
                return;
            } catch (IllegalStateException e) {
                // the application's own work (a relay pass, a sync cycle) holds locks the truncate waits for in
                // another order: PostgreSQL aborts one side of the deadlock (40P01, seen in CI); truncate again
                boolean deadlock = e.getCause() instanceof java.sql.SQLException sql && "40P01".equals(sql.getSQLState());
                if (!deadlock || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Waits until every outbox row of the case was acknowledged by Kafka. */
    public static void awaitPublished(String caseId) {
        await().atMost(WAIT).until(() -> pendingRows(caseId) == 0);
    }

    public static long pendingRows(String caseId) {
        return queryLong("select count(*) from outbox_event where published_at is null and record_key = ?", caseId);
    }

    public static boolean tracking(long taskId) {
        return queryLong("select count(*) from incs_task where tracking and task_id = ?", taskId) == 1;
    }

    public static long queryLong(String sql, Object... args) {
        return TestSql.queryLong(sql, args);
    }

    public static void update(String sql) {
        TestSql.update(sql);
    }
}
