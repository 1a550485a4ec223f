package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.testsupport.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's SQL ({@link DueQuery}) and the lifecycle's {@link RequestLifecycle#isDue} agree: random rows
 * (states, claims, times, cases, phones, tasks of ours) are written to a scratch copy of the schema, and the set of
 * due requests the SQL returns must equal the set the lifecycle calls due. A scratch schema keeps the running
 * application's scheduler away from these rows.
 */
@QuarkusTest
class DueRuleAgreementTest {

    private static final Instant NOW = Instant.parse("2026-04-16T09:00:00Z");
    private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");

    private final RequestLifecycle lifecycle =
            new RequestLifecycle(new MovableClock(NOW), LifecycleFixtures.timing());

    @Test
    void theSchedulerQueryFindsExactlyWhatTheLifecycleCallsDue() throws SQLException {
        try (Connection c = TestEnvironment.get().postgres().openConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists due_check cascade");
            s.execute("create schema due_check");
            s.execute("create table due_check.task_request (like public.task_request including defaults)");
            s.execute("create table due_check.incs_task (like public.incs_task including defaults)");
            s.execute("set search_path to due_check");
            Random random = new Random(42);
            for (int round = 0; round < 40; round++) {
                s.execute("truncate task_request, incs_task");
                List<RequestRow> rows = randomRows(random);
                List<RequestLifecycle.OwnTask> tasks = randomTasks(random);
                insert(c, rows, tasks);
                Set<String> expected = new HashSet<>();
                for (RequestRow r : rows) {
                    if (lifecycle.isDue(r, RequestLifecycle.Neighbours.of(r, rows, tasks), NOW)) {
                        expected.add(r.eventId());
                    }
                }
                assertThat(dueBySql(c)).as("round " + round + ": " + rows + " " + tasks)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            s.execute("set search_path to public");
            s.execute("drop schema due_check cascade");
        }
    }

    private static List<RequestRow> randomRows(Random random) {
        List<RequestRow> rows = new ArrayList<>();
        RequestState[] states = RequestState.values();
        for (int i = 1; i <= 12; i++) {
            RequestState state = states[random.nextInt(states.length)];
            rows.add(new RequestRow("e" + i, "c" + random.nextInt(3), random.nextInt(8) == 0 ? null : "p" + random.nextInt(3),
                    i, state, random.nextInt(3), 0, random.nextInt(3), maybeTime(random), maybeTime(random), null,
                    null, null, null, random.nextBoolean(), null, null, random.nextBoolean()));
        }
        return rows;
    }

    /** Null, or a time around now (including exactly now and the settle boundary). */
    private static Instant maybeTime(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> NOW;
            case 2 -> NOW.minus(LifecycleFixtures.SETTLE);
            default -> NOW.plus(Duration.ofSeconds(random.nextInt(61) - 30));
        };
    }

    private static List<RequestLifecycle.OwnTask> randomTasks(Random random) {
        List<RequestLifecycle.OwnTask> tasks = new ArrayList<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            tasks.add(new RequestLifecycle.OwnTask("p" + random.nextInt(3), random.nextBoolean(), random.nextBoolean()));
        }
        return tasks;
    }

    private static void insert(Connection c, List<RequestRow> rows, List<RequestLifecycle.OwnTask> tasks)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                insert into task_request (event_id, case_id, event_type, user_phone, state, ingest_seq, claim_token,
                    claim_until, next_attempt_at, awaits_own_task, received_at, updated_at)
                values (?, ?, 'collection.task.requested', ?, ?, ?, ?, ?, ?, ?, now(), now())""")) {
            for (RequestRow r : rows) {
                p.setString(1, r.eventId());
                p.setString(2, r.caseId());
                p.setString(3, r.userPhone());
                p.setString(4, r.state().dbValue());
                p.setLong(5, r.ingestSeq());
                p.setLong(6, r.claimToken());
                p.setObject(7, at(r.claimUntil()));
                p.setObject(8, at(r.nextAttemptAt()));
                p.setBoolean(9, r.awaitsOwnTask());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("""
                insert into incs_task (task_id, event_id, case_id, user_phone, status, tracking, created_at, updated_at)
                values (?, ?, 'c', ?, ?, ?, now(), now())""")) {
            long id = 1;
            for (RequestLifecycle.OwnTask t : tasks) {
                p.setLong(1, id);
                p.setString(2, "t" + id++);
                p.setString(3, t.userPhone());
                p.setShort(4, (short) (t.open() ? 1 : 2));
                p.setBoolean(5, t.tracking());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Runs {@link DueQuery#SELECT_DUE} over JDBC: each {@code $n} becomes a bound {@code ?}. */
    private static Set<String> dueBySql(Connection c) throws SQLException {
        Object[] params = {at(NOW), at(NOW.minus(LifecycleFixtures.SETTLE))};
        Matcher m = PARAM.matcher(DueQuery.SELECT_DUE);
        List<Object> bound = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            bound.add(params[Integer.parseInt(m.group(1)) - 1]);
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        Set<String> due = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < bound.size(); i++) {
                p.setObject(i + 1, bound.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
        }
        return due;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
