package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.testsupport.TestSql;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared steps of the ingest integration tests: a clean database and simulator, unique ids and phones,
 * events produced to the real broker, and reads of the stored outcome over JDBC.
 */
public final class IngestTestSupport {

    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final String TOPIC = "collection-task-requests";
    public static final String DEAD_LETTER_TOPIC = "collection-task-requests-dlq";

    private static final AtomicLong PHONES = new AtomicLong(6_281_200_000_000L + System.nanoTime() % 100_000_000L);

    private IngestTestSupport() {
    }

    /** Empty tables, a reset simulator, and a client that trusts incs again (no state inherited from other tests). */
    public static IncsSimulator cleanStart(IncsClient client) {
        TestEnvironment.get().postgres().truncateAll();
        // a test may read the dead-letter topic before anything was dead-lettered in this JVM
        TestEnvironment.get().kafka().createTopics(3, TOPIC, DEAD_LETTER_TOPIC);
        IncsSimulator sim = TestEnvironment.get().incs();
        sim.reset();
        await().atMost(WAIT).until(client::isAvailable);
        sim.counters().reset();
        return sim;
    }

    public static String newPhone() {
        return String.valueOf(PHONES.incrementAndGet());
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The create command of a stored request of {@code caseId} (no description), as its request body holds it. */
    static CreateTaskCommand storedCommand(String caseId, String phone, String assignee) {
        return new CreateTaskCommand("Collection " + caseId, null, CreateTaskCommand.MESSAGE_TASK, 30058, phone, "Budi",
                assignee, null);
    }

    /** A valid collection.task.requested event with one order, no assignee (the policy picks one). */
    public static String event(String eventId, String caseId, String phone) {
        return """
                {"event_id":"%s","event_type":"collection.task.requested","occurred_at":"2026-04-16T09:44:48Z",
                 "case_id":"%s","customer":{"name":"Budi","phone":"+%s"},"total_amount":"1500",
                 "orders":[{"order_number":"WD-%s","borrower_name":"Budi","borrower_phone":"%s","loan_amount":null,
                            "due_amount":"1500","next_due_date":"2026-04-15","loan_confirmed_at":"2026-03-01T10:00:00+07:00"}]}
                """.formatted(eventId, caseId, phone, caseId, phone);
    }

    static void send(String key, String value) {
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            kafka.send(TOPIC, key, value);
        }
    }

    public static void sendEvent(String eventId, String caseId, String phone) {
        send(caseId, event(eventId, caseId, phone));
    }

    public static void awaitState(String eventId, String state) {
        await("request " + eventId + " " + state).atMost(WAIT).until(() -> state.equals(state(eventId)));
    }

    public static String state(String eventId) {
        List<String> rows = strings("select state from task_request where event_id = ?", eventId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static Long taskIdOf(String eventId) {
        List<String> rows = strings("select task_id::text from task_request where event_id = ?", eventId);
        return rows.isEmpty() || rows.get(0) == null ? null : Long.valueOf(rows.get(0));
    }

    /** ce_type of every outbox event of a case, in outbox order. */
    static List<String> outboxTypes(String caseId) {
        return strings("select ce_type from outbox_event where record_key = ? order by id", caseId);
    }

    /** Payloads (JSON) of the outbox events of a case with the given type, in outbox order. */
    static List<String> outboxPayloads(String caseId, String ceType) {
        return strings("select payload from outbox_event where record_key = ? and ce_type = ? order by id", caseId,
                ceType);
    }

    static List<String> strings(String sql, Object... args) {
        return TestSql.strings(sql, args);
    }

    static int update(String sql, Object... args) {
        return TestSql.update(sql, args);
    }

    /** Current value of an ingest counter (0 before its first increment). */
    static double counter(MeterRegistry registry, String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
