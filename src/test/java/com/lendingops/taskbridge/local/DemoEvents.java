package com.lendingops.taskbridge.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic, reproducible stream of collection events: Indonesian mobile numbers written the many
 * ways people write them, orders with and without amounts, now and then the same customer again
 * (an incomplete-task conflict) and now and then an event the bridge must reject or skip.
 */
final class DemoEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NAMES = {"Budi Santoso", "Siti Rahayu", "Agus Wijaya", "Dewi Lestari",
        "Rudi Hartono", "Putri Anggraini", "Andi Pratama", "Rina Kusuma", "Joko Susilo", "Wulan Sari",
        "Hendra Gunawan", "Maya Puspita", "路人A", "Fajar Nugroho", "Intan Permata"};
    private static final String[] ASSIGNEES = {"incs_1", "incs_2", "incs_3"};
    private static final String[] OPERATOR_PREFIXES = {"811", "812", "813", "821", "822", "852", "853", "857",
        "878", "895"};

    private final Random random;
    private final List<String> recentPhones = new ArrayList<>();
    private long sequence;

    DemoEvents(long seed) {
        this.random = new Random(seed);
    }

    /** The next event: mostly new customers, about 1 in 7 the same phone again, 1 in 10 invalid, 1 in 25 another type. */
    DemoEvent next() {
        sequence++;
        int roll = random.nextInt(200);
        if (roll < 20) {
            return invalid();
        }
        if (roll < 28) {
            return otherEventType();
        }
        if (roll < 58 && !recentPhones.isEmpty()) {
            String digits = recentPhones.get(random.nextInt(recentPhones.size()));
            return requested(digits, DemoEvent.Kind.SAME_PHONE_AGAIN);
        }
        String digits = "62" + OPERATOR_PREFIXES[random.nextInt(OPERATOR_PREFIXES.length)]
                + String.format("%08d", random.nextInt(100_000_000));
        recentPhones.add(digits);
        // Only recent phones: their tasks are surely still open, so the repeat is a real conflict.
        if (recentPhones.size() > 10) {
            recentPhones.remove(0);
        }
        return requested(digits, DemoEvent.Kind.NEW_CUSTOMER);
    }

    /** The same number as people write it: +62 812-3456-7890, 0812 3456 7890, 62-812..., (0812) ..., 0062... */
    String spell(String digits) {
        String national = digits.substring(2);
        String a = national.substring(0, 3);
        String b = national.substring(3, 7);
        String c = national.substring(7);
        return switch (random.nextInt(6)) {
            case 0 -> "+62 " + a + "-" + b + "-" + c;
            case 1 -> "0" + a + " " + b + " " + c;
            case 2 -> "62-" + a + "-" + b + "-" + c;
            case 3 -> "(0" + a + ") " + b + "-" + c;
            case 4 -> "+62" + national;
            default -> "0062 " + a + " " + b + c;
        };
    }

    private DemoEvent requested(String digits, DemoEvent.Kind kind) {
        String caseId = String.format("CASE-2026-%06d", sequence);
        ObjectNode event = envelope("collection.task.requested", caseId);
        ObjectNode customer = event.putObject("customer");
        customer.put("name", NAMES[random.nextInt(NAMES.length)]);
        customer.put("phone", spell(digits));
        if (random.nextInt(4) > 0) {
            event.put("assignee", ASSIGNEES[random.nextInt(ASSIGNEES.length)]);
        }
        if (random.nextInt(3) == 0) {
            event.putObject("task").put("name", "Reminder " + caseId).put("description", "Installment overdue");
        }
        addOrders(event);
        return new DemoEvent(caseId, event.toString(), kind, digits);
    }

    /** Half with amounts, a quarter with orders but no amounts, a quarter with nothing at all. */
    private void addOrders(ObjectNode event) {
        int shape = random.nextInt(4);
        if (shape == 3) {
            return;
        }
        ArrayNode orders = event.putArray("orders");
        int count = 1 + random.nextInt(2);
        long total = 0;
        for (int i = 0; i < count; i++) {
            long due = 250_000L * (1 + random.nextInt(12));
            total += due;
            ObjectNode order = orders.addObject();
            order.put("order_number", String.format("WD20260%d%05d", 3 + random.nextInt(2), random.nextInt(100_000)));
            order.put("borrower_name", NAMES[random.nextInt(NAMES.length)]);
            order.put("borrower_phone", "08" + (11 + random.nextInt(88)) + String.format("%08d", random.nextInt(100_000_000)));
            order.put("loan_amount", shape == 2 ? null : Long.toString(due * 4));
            order.put("due_amount", shape == 2 ? null : due + ".00");
            order.put("next_due_date", LocalDate.of(2026, 4, 1).plusDays(random.nextInt(60)).toString());
            order.put("loan_confirmed_at", OffsetDateTime.of(2026, 3, 1 + random.nextInt(28), 9 + random.nextInt(8),
                    random.nextInt(60), 0, 0, ZoneOffset.ofHours(7)).toString());
        }
        if (shape < 2) {
            event.put("total_amount", total + ".00");
        }
    }

    private DemoEvent invalid() {
        String caseId = String.format("CASE-2026-%06d", sequence);
        ObjectNode event = envelope("collection.task.requested", caseId);
        ObjectNode customer = event.putObject("customer").put("name", NAMES[random.nextInt(NAMES.length)]);
        switch (random.nextInt(5)) {
            case 0 -> customer.put("phone", "12345");
            case 1 -> event.remove("case_id");
            case 2 -> event.putObject("task").put("name", "Collection ".repeat(30));
            case 3 -> customer.put("phone", "not a phone");
            default -> {
                return new DemoEvent(caseId, "{\"event_id\":\"" + UUID.randomUUID() + "\",\"case_id\":", DemoEvent.Kind.INVALID, null);
            }
        }
        if (!customer.has("phone")) {
            customer.put("phone", "+62 812-0000-0000");
        }
        return new DemoEvent(caseId, event.toString(), DemoEvent.Kind.INVALID, null);
    }

    private DemoEvent otherEventType() {
        String caseId = String.format("CASE-2026-%06d", sequence);
        ObjectNode event = envelope("collection.case.closed", caseId);
        return new DemoEvent(caseId, event.toString(), DemoEvent.Kind.OTHER_EVENT_TYPE, null);
    }

    private ObjectNode envelope(String type, String caseId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", new UUID(random.nextLong(), random.nextLong()).toString());
        event.put("event_type", type);
        event.put("occurred_at", Instant.now().toString());
        event.put("case_id", caseId);
        return event;
    }
}
