package com.lendingops.taskbridge.testsupport;

import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One collection event through the real bridge, for the observability tests (traces, logs, freshness): a clean
 * start, an event with a customer phone typed the way people type it, produced to the real broker (optionally with
 * headers such as {@code traceparent}), and reads of what was stored and published.
 */
public final class EventScenario {

    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final String INPUT_TOPIC = "collection-task-requests";
    public static final String EVENTS_TOPIC = "collection-task-events";

    private static final AtomicLong PHONES = new AtomicLong(10_000_000L + System.nanoTime() % 80_000_000L);

    private EventScenario() {
    }

    /** A customer phone as typed in an event ({@code +62 815-1234-5678}) and as incs gets it (digits only). */
    public record Phone(String typed, String digits) {

        /** The national spelling the ingest also accepts ({@code 0815 1234 5678}). */
        public String national() {
            String rest = digits.substring(2);
            return "0" + rest.substring(0, 3) + " " + rest.substring(3, 7) + " " + rest.substring(7);
        }
    }

    /** Empty tables, a reset simulator, and incs trusted again (no state inherited from other tests). */
    public static IncsSimulator cleanStart(IncsClient client) {
        TestEnvironment.get().postgres().truncateAll();
        IncsSimulator sim = TestEnvironment.get().incs();
        sim.reset();
        await().atMost(WAIT).until(client::isAvailable);
        TestEnvironment.get().kafka().createTopics(3, EVENTS_TOPIC);
        return sim;
    }

    public static Phone newPhone() {
        String eight = String.valueOf(PHONES.incrementAndGet());
        return new Phone("+62 815-" + eight.substring(0, 4) + "-" + eight.substring(4), "62815" + eight);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A valid collection.task.requested event for a customer {@code name} with {@code phone}. */
    public static String event(String eventId, String caseId, Phone phone, String name) {
        return """
                {"event_id":"%s","event_type":"collection.task.requested","occurred_at":"2026-04-16T09:44:48Z",
                 "case_id":"%s","customer":{"name":"%s","phone":"%s"},"total_amount":"1500",
                 "orders":[{"order_number":"WD-%s","borrower_name":"%s","borrower_phone":"%s","loan_amount":null,
                            "due_amount":"1500","next_due_date":"2026-04-15","loan_confirmed_at":"2026-03-01T10:00:00+07:00"}]}
                """.formatted(eventId, caseId, name, phone.typed(), caseId, name, phone.national());
    }

    public static void send(String caseId, String value, Map<String, String> headers) {
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            kafka.send(INPUT_TOPIC, caseId, value, headers);
        }
    }

    public static void awaitState(String eventId, String state) {
        await("request " + eventId + " " + state).atMost(WAIT)
                .until(() -> List.of(state).equals(
                        strings("select state from task_request where event_id = ?", eventId)));
    }

    public static long taskIdOf(String eventId) {
        return Long.parseLong(strings("select task_id::text from task_request where event_id = ?", eventId).get(0));
    }

    /** Waits until the case has a published record of {@code ceType} and returns the first one. */
    public static ConsumerRecord<String, String> awaitPublished(String caseId, String ceType) {
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await(ceType + " of " + caseId + " published").atMost(WAIT).until(() -> {
                found.clear();
                kafka.readAll(EVENTS_TOPIC).stream().filter(r -> caseId.equals(r.key()))
                        .filter(r -> ceType.equals(KafkaTestClient.header(r, "ce_type"))).forEach(found::add);
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    public static List<String> strings(String sql, Object... args) {
        return TestSql.strings(sql, args);
    }

    public static int update(String sql, Object... args) {
        return TestSql.update(sql, args);
    }
}
