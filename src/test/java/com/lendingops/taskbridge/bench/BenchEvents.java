package com.lendingops.taskbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Valid "collection.task.requested" events for a benchmark run, each with its own case and its own phone, so
 * no two of them can meet in incs' one-open-task-per-phone rule or in the bridge's per-case ordering: what is
 * measured is the bridge's intake, not a conflict. Every field of the mapping is present (one order, amounts,
 * dates), so each event costs what a production event costs.
 */
final class BenchEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String runId;
    private final long phoneBase;

    /** {@code block} keeps the phones of different scenarios apart (block 0..9, a million phones each). */
    BenchEvents(String runId, int block) {
        this.runId = runId;
        this.phoneBase = 6_281_200_000_000L + block * 1_000_000L;
    }

    /** Keyed (case id) JSON events numbered {@code from} (inclusive) to {@code to} (exclusive). */
    List<BenchEvent> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::event).toList();
    }

    private BenchEvent event(int index) {
        String caseId = "BENCH-" + runId + "-" + String.format("%06d", index);
        String digits = Long.toString(phoneBase + index);
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("event_type", "collection.task.requested");
        event.put("occurred_at", Instant.now().toString());
        event.put("case_id", caseId);
        // written the way people do, so the phone normalisation runs as in production
        event.putObject("customer").put("name", "Benchmark Customer " + index)
                .put("phone", "+" + digits.substring(0, 2) + " " + digits.substring(2, 5) + "-"
                        + digits.substring(5, 9) + "-" + digits.substring(9));
        event.put("assignee", "incs_" + (1 + index % 3));
        event.put("total_amount", "1500000.00");
        ObjectNode order = event.putArray("orders").addObject();
        order.put("order_number", "WD2026" + String.format("%08d", index));
        order.put("borrower_name", "Borrower " + index);
        order.put("borrower_phone", "0812" + String.format("%08d", index));
        order.putNull("loan_amount");
        order.put("due_amount", "1500000");
        order.put("next_due_date", "2026-05-15");
        order.put("loan_confirmed_at", "2026-03-01T10:00:00+07:00");
        return new BenchEvent(caseId, event.toString());
    }

    /** One record to publish: key (case id) and JSON value. */
    record BenchEvent(String key, String json) {
    }
}
