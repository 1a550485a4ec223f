package com.lendingops.taskbridge.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.mapping.TextRules.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a raw Kafka record value into a {@link ParsedRecord}, strictly: the JSON types of the known
 * fields are checked (a number where a string is expected is an error, not coerced), unknown fields are
 * ignored. Only structure is judged here; business validity is the mapper's job.
 * <p>
 * Hostile input is refused here with a reason, before anything stores or expands it: nesting deeper than an event
 * needs, numbers and strings beyond parsing limits, text with U+0000, unpaired surrogates or (in identifiers)
 * control characters, text fields longer than any consumer of them accepts, and amounts out of range.
 */
@ApplicationScoped
public class EventParser {

    /** The only event type that creates a task. */
    public static final String REQUESTED = "collection.task.requested";

    /** Longest event_id (the idempotency key) and case_id accepted. */
    public static final int MAX_ID_LENGTH = 128;

    /** Longest free-text value accepted (names, descriptions); incs itself takes 256 code points for a name. */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** An event is three levels deep; anything far deeper is an attack or a bug, not an event. */
    static final int MAX_NESTING_DEPTH = 32;
    /** Longest number literal (digits), far above any amount. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Longest string token read at all (the broker's default record limit is 1 MiB). */
    static final int MAX_STRING_TOKEN_LENGTH = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_TOKEN_LENGTH).build())
            .build();

    private final ObjectMapper json = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public ParsedRecord parse(byte[] value) {
        if (value == null || value.length == 0) {
            return new ParsedRecord.Malformed(MalformedReason.EMPTY_RECORD, "the record has no value");
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (StreamConstraintsException e) {
            return new ParsedRecord.Malformed(MalformedReason.OVER_LIMIT, "value exceeds a parsing limit: "
                    + firstLine(e));
        } catch (IOException e) {
            return new ParsedRecord.Malformed(MalformedReason.NOT_JSON, "value is not JSON: " + firstLine(e));
        }
        if (root == null || !root.isObject()) {
            return new ParsedRecord.Malformed(MalformedReason.NOT_AN_OBJECT, "value is not a JSON object");
        }
        try {
            return read(root);
        } catch (Violation v) {
            return new ParsedRecord.Malformed(v.reason, v.getMessage());
        }
    }

    private ParsedRecord read(JsonNode root) {
        String eventId = requiredText(root, "event_id", "event_id", MAX_ID_LENGTH);
        String eventType = requiredText(root, "event_type", "event_type", MAX_ID_LENGTH);
        if (!REQUESTED.equals(eventType)) {
            return new ParsedRecord.OtherType(eventId, eventType);
        }
        String caseId = requiredText(root, "case_id", "case_id", MAX_ID_LENGTH);
        JsonNode customer = object(root, "customer", "customer");
        if (customer == null) {
            throw new Violation(MalformedReason.MISSING_FIELD, "customer.phone is required");
        }
        String phone = requiredText(customer, "phone", "customer.phone", MAX_ID_LENGTH);
        JsonNode task = object(root, "task", "task");
        return new ParsedRecord.Requested(new CollectionEvent(eventId, eventType,
                id(root, "occurred_at", "occurred_at"), caseId, text(customer, "name", "customer.name"), phone,
                id(root, "assignee", "assignee"), integer(root, "auth_id"),
                task == null ? null : text(task, "name", "task.name"),
                task == null ? null : text(task, "description", "task.description"),
                amount(root, "total_amount", "total_amount"), orders(root)));
    }

    private List<CollectionEvent.OrderLine> orders(JsonNode root) {
        JsonNode orders = root.get("orders");
        if (orders == null || orders.isNull()) {
            return List.of();
        }
        if (!orders.isArray()) {
            throw new Violation(MalformedReason.WRONG_TYPE, "orders must be an array");
        }
        List<CollectionEvent.OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            JsonNode o = orders.get(i);
            String at = "orders[" + i + "]";
            if (!o.isObject()) {
                throw new Violation(MalformedReason.WRONG_TYPE, at + " must be an object");
            }
            lines.add(new CollectionEvent.OrderLine(id(o, "order_number", at + ".order_number"),
                    text(o, "borrower_name", at + ".borrower_name"), id(o, "borrower_phone", at + ".borrower_phone"),
                    amount(o, "loan_amount", at + ".loan_amount"), amount(o, "due_amount", at + ".due_amount"),
                    id(o, "next_due_date", at + ".next_due_date"),
                    id(o, "loan_confirmed_at", at + ".loan_confirmed_at")));
        }
        return lines;
    }

    private static String requiredText(JsonNode parent, String field, String path, int maxLength) {
        String value = checked(parent, field, path, Kind.IDENTIFIER, maxLength);
        if (value == null || value.isBlank()) {
            throw new Violation(MalformedReason.MISSING_FIELD, path + " is required");
        }
        return value;
    }

    /** An optional identifier-like value (ids, phones, dates): no control characters at all. */
    private static String id(JsonNode parent, String field, String path) {
        return checked(parent, field, path, Kind.IDENTIFIER, MAX_TEXT_LENGTH);
    }

    /** An optional free-text value (names, descriptions): line breaks and tabs allowed. */
    private static String text(JsonNode parent, String field, String path) {
        return checked(parent, field, path, Kind.FREE_TEXT, MAX_TEXT_LENGTH);
    }

    private static String checked(JsonNode parent, String field, String path, Kind kind, int maxLength) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Violation(MalformedReason.WRONG_TYPE, path + " must be a string");
        }
        String value = node.textValue();
        if (value.length() > maxLength) {
            throw new Violation(MalformedReason.TOO_LONG, path + " is longer than " + maxLength + " characters");
        }
        TextRules.firstInvalidCharacter(value, kind).ifPresent(problem -> {
            throw new Violation(MalformedReason.INVALID_CHARACTER, path + " contains " + problem);
        });
        return value;
    }

    /** Amounts may be JSON strings or numbers; numbers keep their exact decimal text, within {@link Amounts}. */
    private static String amount(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node != null && node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (!Amounts.inRange(value)) {
                throw new Violation(MalformedReason.NUMBER_OUT_OF_RANGE, path + " is out of range (at most "
                        + Amounts.MAX_INTEGER_DIGITS + " digits before and " + Amounts.MAX_FRACTION_DIGITS
                        + " after the decimal point)");
            }
            return value.toPlainString();
        }
        return id(parent, field, path);
    }

    private static Long integer(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Violation(MalformedReason.WRONG_TYPE, field + " must be an integer");
        }
        return node.longValue();
    }

    private static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Violation(MalformedReason.WRONG_TYPE, path + " must be an object");
        }
        return node;
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage()
                : e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A structural problem found while reading; carries the reason code to the caller. */
    private static final class Violation extends RuntimeException {
        private final MalformedReason reason;

        Violation(MalformedReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
