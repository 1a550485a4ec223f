package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A well-formed collection event with every field of the mapping (one order, amounts, dates), its event id drawn
 * from the trial's random source so a seed replays the same ids. Valid events and the templates that hostile
 * records mutate are both made here; a hostile record always gets an event id, case and phone of its own, so it
 * can never share an event id with a valid event (the bridge dedupes on it).
 */
final class EventTemplate {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Every string field of an event, by JSON pointer: the hostile generator puts bad characters in each. */
    static final List<String> STRING_FIELDS = List.of("/event_id", "/event_type", "/occurred_at", "/case_id",
            "/customer/name", "/customer/phone", "/assignee", "/task/name", "/task/description", "/total_amount",
            "/orders/0/order_number", "/orders/0/borrower_name", "/orders/0/borrower_phone", "/orders/0/due_amount",
            "/orders/0/next_due_date", "/orders/0/loan_confirmed_at");

    private EventTemplate() {
    }

    /** A valid event for {@code phoneDigits} (country code included) and {@code caseId}. */
    static ObjectNode event(Random random, String caseId, String phoneDigits, int number) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", new UUID(random.nextLong(), random.nextLong()).toString());
        event.put("event_type", "collection.task.requested");
        event.put("occurred_at", "2026-04-16T09:44:48Z");
        event.put("case_id", caseId);
        // written the way people do, so the phone normalisation runs as in production
        event.putObject("customer").put("name", "Chaos Customer " + number)
                .put("phone", "+" + phoneDigits.substring(0, 2) + " " + phoneDigits.substring(2, 5) + "-"
                        + phoneDigits.substring(5, 9) + "-" + phoneDigits.substring(9));
        event.put("assignee", "incs_" + (1 + number % 3));
        event.putObject("task").put("name", "Collection " + caseId).put("description", "Chaos trial case " + number);
        event.put("total_amount", "1500000.00");
        ObjectNode order = event.putArray("orders").addObject();
        order.put("order_number", "WD2026" + String.format("%08d", number));
        order.put("borrower_name", "Borrower " + number);
        order.put("borrower_phone", "0812" + String.format("%08d", number % 100_000_000));
        order.put("due_amount", "1500000");
        order.put("next_due_date", "2026-05-15");
        order.put("loan_confirmed_at", "2026-03-01T10:00:00+07:00");
        return event;
    }
}
