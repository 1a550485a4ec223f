package com.lendingops.taskbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every filter of the read API is an index scan on 100,000 requests and tasks: the plans of exactly the
 * statements the API sends (built by the same code) are checked with EXPLAIN, with no sequential scan and
 * the index meant for the filter.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final int ROWS = 100_000;
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    Pool pool;

    @BeforeAll
    void seedOneHundredThousandRows() throws SQLException {
        TestEnvironment.get().postgres().truncateAll();
        try (Connection connection = TestEnvironment.get().postgres().openConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, attempts,
                        received_at, updated_at, deferred_since)
                    select 'evt-' || i, 'CASE-' || (i % 50000), 'collection.task.requested',
                           (628120000000 + i % 20000)::text, 'incs_' || (i % 20),
                           case when i % 20 = 0 then 'deferred' when i % 20 = 1 then 'rejected'
                                when i % 20 = 2 then 'failed' else 'created' end,
                           1, timestamptz '2026-01-01' + i * interval '10 seconds',
                           timestamptz '2026-01-01' + i * interval '10 seconds',
                           case when i % 20 = 0 then timestamptz '2026-01-01' + i * interval '10 seconds' end
                    from generate_series(1, ROWS) i""".replace("ROWS", String.valueOf(ROWS)));
            sql.execute("""
                    insert into incs_task (task_id, event_id, case_id, user_phone, assignee, status, tracking,
                        created_at, updated_at)
                    select i, 'evt-' || i, 'CASE-' || (i % 50000), (628120000000 + i % 20000)::text,
                           'incs_' || (i % 20), (i % 4)::smallint, i % 4 < 2,
                           timestamptz '2026-01-01' + i * interval '10 seconds',
                           timestamptz '2026-01-01' + i * interval '10 seconds'
                    from generate_series(1, ROWS) i""".replace("ROWS", String.valueOf(ROWS)));
            // Already published, so the running relay has nothing to send.
            sql.execute("""
                    insert into outbox_event (ce_id, ce_type, ce_subject, ce_time, record_key, payload, created_at,
                        published_at)
                    select 'ce-' || i, 'collection.task.created', i::text, now(), 'CASE-' || (i % 50000),
                           '{"event_id":"evt-' || i || '"}', now(), now()
                    from generate_series(1, ROWS) i""".replace("ROWS", String.valueOf(ROWS)));
            sql.execute("""
                    insert into operator_audit (at, actor, action, target, outcome)
                    select timestamptz '2026-01-01' + i * interval '1 minute', 'olivia', 'retry', 'request:evt-' || i,
                           'done' from generate_series(1, ROWS) i""".replace("ROWS", String.valueOf(ROWS)));
            sql.execute("analyze");
        }
    }

    @AfterAll
    void clean() {
        TestEnvironment.get().postgres().truncateAll();
    }

    @Test
    void requestFiltersUseTheirIndexes() {
        assertPlan(RequestQueries.listStatement(requests(Optional.of("deferred"), Optional.empty(), Optional.empty())),
                "task_request_state_received_idx");
        assertPlan(RequestQueries.listStatement(requests(Optional.of("deferred"), Optional.empty(),
                Optional.of(T0.plusDays(3)))), "task_request_state_received_idx");
        assertPlan(RequestQueries.listStatement(requests(Optional.empty(), Optional.of("CASE-42"), Optional.empty())),
                "task_request_case_idx");
        assertPlan(RequestQueries.listStatement(requests(Optional.empty(), Optional.empty(), Optional.of(T0.plusDays(5)))),
                "task_request_received_idx");
        assertPlan(RequestQueries.listStatement(new RequestFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Cursor(T0.plusDays(2), "evt-17280")), 50)), "task_request_received_idx");
    }

    @Test
    void taskFiltersUseTheirIndexes() {
        assertPlan(TaskQueries.listStatement(tasks(Optional.of("628120000042"), Optional.empty(), Optional.empty(),
                Optional.empty())), "incs_task_phone_created_idx", "incs_task_phone_idx");
        assertPlan(TaskQueries.listStatement(tasks(Optional.empty(), Optional.of(1), Optional.empty(),
                Optional.empty())), "incs_task_status_created_idx", "incs_task_created_idx");
        assertPlan(TaskQueries.listStatement(tasks(Optional.empty(), Optional.empty(), Optional.of("incs_7"),
                Optional.empty())), "incs_task_assignee_created_idx", "incs_task_assignee_idx");
        assertPlan(TaskQueries.listStatement(tasks(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusDays(4)))), "incs_task_created_idx");
        assertPlan(TaskQueries.listStatement(new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new Cursor(T0.plusDays(2), "17280")), 50)),
                "incs_task_created_idx");
    }

    @Test
    void lookupsOfOneCaseAndTheAuditListUseTheirIndexes() {
        assertPlan(new com.lendingops.taskbridge.query.Statement(
                "select ce_id from outbox_event where record_key = $1 order by id", Tuple.of("CASE-42")),
                "outbox_event_key_idx");
        assertPlan(new com.lendingops.taskbridge.query.Statement(
                "select task_id from incs_task where case_id = $1 order by created_at, task_id", Tuple.of("CASE-42")),
                "incs_task_case_idx");
        assertPlan(new com.lendingops.taskbridge.query.Statement(
                "select id from operator_audit order by at desc, id desc limit $1", Tuple.of(51)),
                "operator_audit_at_idx");
        assertPlan(new com.lendingops.taskbridge.query.Statement(
                "select id from operator_audit where target = $1 order by at desc, id desc limit $2",
                Tuple.of("request:evt-5", 51)), "operator_audit_target_idx");
    }

    private static RequestFilter requests(Optional<String> state, Optional<String> caseId,
                                          Optional<OffsetDateTime> since) {
        return new RequestFilter(state, caseId, since, Optional.empty(), 50);
    }

    private static TaskFilter tasks(Optional<String> phone, Optional<Integer> status, Optional<String> assignee,
                                    Optional<OffsetDateTime> from) {
        return new TaskFilter(phone, status, assignee, from, Optional.empty(), Optional.empty(), 50);
    }

    /** No sequential scan, and one of the indexes meant for the filter (the planner picks among equals). */
    private void assertPlan(com.lendingops.taskbridge.query.Statement statement, String... indexes) {
        String plan = pool.preparedQuery("explain " + statement.sql()).execute(statement.parameters())
                .map(rows -> {
                    StringBuilder text = new StringBuilder();
                    rows.forEach(row -> text.append(row.getString(0)).append('\n'));
                    return text.toString();
                }).await().atMost(Duration.ofSeconds(30));
        assertThat(plan).as(statement.sql()).doesNotContain("Seq Scan");
        assertThat(java.util.Arrays.stream(indexes).anyMatch(plan::contains))
                .as("plan of %s uses one of %s:%n%s", statement.sql(), java.util.Arrays.toString(indexes), plan)
                .isTrue();
    }
}
