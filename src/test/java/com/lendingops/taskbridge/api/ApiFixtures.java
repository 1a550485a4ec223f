package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.testsupport.TestSql;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.MappingResult;
import com.lendingops.taskbridge.mapping.ParsedRecord;
import com.lendingops.taskbridge.mapping.TaskCommandMapper;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared set-up of the API and console tests: a clean database and simulator, rows written straight into the
 * tables (the read API is tested on exactly the state it must show), events through the real broker, and
 * stored create commands built by the application's own parser and mapper (so a retried request is one the
 * simulator accepts).
 */
public final class ApiFixtures {

    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final String INPUT_TOPIC = "collection-task-requests";
    public static final String DEAD_LETTER_TOPIC = "collection-task-requests-dlq";
    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 4, 16, 9, 0, 0, 0, ZoneOffset.UTC);

    private static final AtomicLong PHONES = new AtomicLong(6_281_300_000_000L + System.nanoTime() % 100_000_000L);
    private static final AtomicLong TASK_IDS = new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000L);
    private static final AtomicLong LOG_IDS = new AtomicLong(800_000_000L + System.nanoTime() % 1_000_000L);

    private ApiFixtures() {
    }

    /** Empty tables, a reset simulator and an incs client that trusts incs again. */
    public static IncsSimulator cleanStart(IncsClient client) {
        TestEnvironment.get().postgres().truncateAll();
        update("insert into rate_budget (name, next_slot_at) values ('incs', now()) on conflict do nothing");
        IncsSimulator sim = TestEnvironment.get().incs();
        sim.reset();
        await().atMost(WAIT).until(client::isAvailable);
        return sim;
    }

    public static String newPhone() {
        return String.valueOf(PHONES.incrementAndGet());
    }

    public static long newTaskId() {
        return TASK_IDS.incrementAndGet();
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A valid collection.task.requested event; {@code phoneAsSent} in whatever spelling the producer used. */
    public static String event(String eventId, String caseId, String phoneAsSent) {
        return """
                {"event_id":"%s","event_type":"collection.task.requested","occurred_at":"2026-04-16T09:44:48Z",
                 "case_id":"%s","customer":{"name":"Budi","phone":"%s"},"total_amount":"1500",
                 "orders":[{"order_number":"WD-%s","borrower_name":"Budi","borrower_phone":"%s","loan_amount":null,
                            "due_amount":"1500","next_due_date":"2026-04-15","loan_confirmed_at":"2026-03-01T10:00:00+07:00"}]}
                """.formatted(eventId, caseId, phoneAsSent, caseId, phoneAsSent);
    }

    public static void send(String topic, String key, String value) {
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            kafka.send(topic, key, value);
        }
    }

    /** The POST body the bridge would store for this event (assignee incs_1). */
    public static String requestBody(EventParser parser, TaskCommandMapper mapper, ObjectMapper json, String event) {
        ParsedRecord parsed = parser.parse(event.getBytes(StandardCharsets.UTF_8));
        MappingResult mapped = mapper.map(((ParsedRecord.Requested) parsed).event(), "incs_1");
        try {
            return json.writeValueAsString(((MappingResult.Mapped) mapped).command());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request row as the ingest would have left it. */
    public static void request(String eventId, String caseId, String phone, String state, OffsetDateTime receivedAt,
                               String lastError, String requestBody, Long taskId) {
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                    attempts, next_attempt_at, deferred_since, task_id, last_error, received_at, updated_at)
                values (?, ?, 'collection.task.requested', ?, 'incs_1', ?, ?, 1, ?, ?, ?, ?, ?, ?)""",
                eventId, caseId, phone, state, requestBody,
                state.equals("deferred") ? receivedAt.plusYears(10) : null,
                state.equals("deferred") ? receivedAt : null, taskId, lastError, receivedAt, receivedAt);
    }

    public static void task(long taskId, String eventId, String caseId, String phone, int status, String assignee,
                            OffsetDateTime createdAt) {
        update("""
                insert into incs_task (task_id, event_id, case_id, user_phone, name, assignee, status, tracking,
                    incs_created_at, created_at, updated_at)
                values (?, ?, ?, ?, 'Collection', ?, ?, ?, ?, ?, ?)""",
                taskId, eventId, caseId, phone, assignee, (short) status, status < 2, createdAt, createdAt, createdAt);
    }

    public static void log(long taskId, int type, Integer preStatus, Integer status, String comment,
                           OffsetDateTime at) {
        update("""
                insert into incs_task_log (log_id, task_id, type, status, pre_status, comment, logged_at, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", LOG_IDS.incrementAndGet(), taskId, (short) type,
                status == null ? null : status.shortValue(), preStatus == null ? null : preStatus.shortValue(),
                comment, at, at);
    }

    public static void outbox(String ceType, String caseId, String eventId, Long taskId, OffsetDateTime at,
                              boolean published) {
        update("""
                insert into outbox_event (ce_id, ce_type, ce_subject, ce_time, record_key, payload, created_at,
                    published_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), ceType,
                taskId == null ? null : String.valueOf(taskId), at, caseId,
                "{\"event_id\":\"" + eventId + "\",\"case_id\":\"" + caseId + "\"}", at, published ? at : null);
    }

    public static List<String> strings(String sql, Object... args) {
        return TestSql.strings(sql, args);
    }

    public static String state(String eventId) {
        List<String> rows = strings("select state from task_request where event_id = ?", eventId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static int update(String sql, Object... args) {
        return TestSql.update(sql, args);
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
