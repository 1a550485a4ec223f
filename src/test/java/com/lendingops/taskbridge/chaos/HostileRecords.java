package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile records, reproducible from a seed: fuzzed mutations of valid events (byte flips, truncation, type
 * swaps, missing and duplicated fields), NUL and control characters in every string field in turn, numbers out of
 * range, 20,000-deep nesting, invalid UTF-8, empty and tombstone records, values near the broker's size limit, and
 * things that are not JSON at all. Each starts from an event of its own (own event id, case and phone).
 */
final class HostileRecords {

    /** Nesting depth of the deep records (the 20,000). */
    static final int DEEP = 20_000;
    /** Size of the near-limit values: below the broker's default 1 MiB record limit, far above any event. */
    static final int NEAR_LIMIT_BYTES = 900 * 1024;

    private static final String[] CATEGORIES = {"byte-flip", "truncated", "type-swap", "missing-field",
            "duplicated-field", "control-char", "number-out-of-range", "deep-nesting", "invalid-utf8", "empty",
            "tombstone", "not-json", "near-limit"};
    /** Relative frequency of each category; near-limit records are few (each is 900 KB on the broker). */
    private static final int[] WEIGHTS = {14, 8, 10, 8, 5, 16, 8, 4, 10, 3, 3, 6, 1};
    private static final String[] CONTROL_CHARS = {"\u0000", "\u0001", "\u0007", "\b", "\u000b", "\u001b",
            "\u007f", "\u0085", "\u0000\u0000"};
    private static final String[] HUGE_NUMBERS = {"1e999999999", "-1E+999999999", "1e-999999999",
            "123456789012345678901234567890123456789", "18446744073709551616", "-9223372036854775809",
            "1" + "0".repeat(2000), "0." + "0".repeat(500) + "1", "1.7976931348623157E309"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE, (byte) 0xFF}};

    private final Random random;
    private final long phoneBase;
    private final String runTag;
    private int controlField;

    HostileRecords(Random random, long phoneBase, String runTag) {
        this.random = random;
        this.phoneBase = phoneBase;
        this.runTag = runTag;
    }

    List<ChaosRecord> generate(int count) {
        List<ChaosRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(next(i, CATEGORIES[pick()]));
        }
        return records;
    }

    private ChaosRecord next(int i, String category) {
        String caseId = "HOSTILE-" + runTag + "-" + String.format("%06d", i);
        ObjectNode event = EventTemplate.event(random, caseId, Long.toString(phoneBase + i), i);
        byte[] key = random.nextInt(10) == 0 ? randomBytes(1 + random.nextInt(12)) // a key that is not UTF-8
                : random.nextInt(10) == 0 ? null : caseId.getBytes(StandardCharsets.UTF_8);
        byte[] value = switch (category) {
            case "byte-flip" -> flipBytes(utf8(event));
            case "truncated" -> truncate(utf8(event));
            case "type-swap" -> utf8(swapType(event));
            case "missing-field" -> utf8(removeField(event));
            case "duplicated-field" -> duplicateField(event.toString());
            case "control-char" -> utf8(withControlChar(event));
            case "number-out-of-range" -> numberOutOfRange(event);
            case "deep-nesting" -> deepNesting(event);
            case "invalid-utf8" -> invalidUtf8(event.toString());
            case "empty" -> new byte[0];
            case "tombstone" -> null;
            case "not-json" -> notJson();
            case "near-limit" -> nearLimit(event);
            default -> throw new IllegalStateException(category);
        };
        return new ChaosRecord(-1, false, category, key, value, null, null);
    }

    private int pick() {
        int total = Arrays.stream(WEIGHTS).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return i;
            }
        }
        return 0;
    }

    private byte[] flipBytes(byte[] value) {
        byte[] copy = value.clone();
        int flips = 1 + random.nextInt(5);
        for (int f = 0; f < flips; f++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] truncate(byte[] value) {
        return Arrays.copyOf(value, random.nextInt(value.length));
    }

    private ObjectNode swapType(ObjectNode event) {
        String field = EventTemplate.STRING_FIELDS.get(random.nextInt(EventTemplate.STRING_FIELDS.size()));
        JsonNode replacement = switch (random.nextInt(5)) {
            case 0 -> EventTemplate.JSON.getNodeFactory().numberNode(random.nextInt());
            case 1 -> EventTemplate.JSON.createArrayNode().add("x");
            case 2 -> EventTemplate.JSON.createObjectNode().put("x", 1);
            case 3 -> EventTemplate.JSON.getNodeFactory().booleanNode(true);
            default -> EventTemplate.JSON.getNodeFactory().numberNode(random.nextDouble());
        };
        set(event, field, replacement);
        if (random.nextBoolean()) {
            event.put("auth_id", "30058"); // a string where an integer belongs
        }
        return event;
    }

    private ObjectNode removeField(ObjectNode event) {
        String[] required = {"/event_id", "/event_type", "/case_id", "/customer/phone", "/customer"};
        JsonPointer pointer = JsonPointer.compile(required[random.nextInt(required.length)]);
        ((ObjectNode) event.at(pointer.head())).remove(pointer.last().getMatchingProperty());
        return event;
    }

    private byte[] duplicateField(String json) {
        String[] keys = {"\"event_id\":", "\"case_id\":", "\"phone\":", "\"event_type\":"};
        String key = keys[random.nextInt(keys.length)];
        int at = json.indexOf(key);
        int end = json.indexOf(',', at);
        String pair = json.substring(at, end);
        return (json.substring(0, end) + "," + pair.replaceFirst(":\"", ":\"dup-") + json.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** NUL or another control character in each string field in turn, so every field gets its share. */
    private ObjectNode withControlChar(ObjectNode event) {
        String field = EventTemplate.STRING_FIELDS.get(controlField++ % EventTemplate.STRING_FIELDS.size());
        String bad = CONTROL_CHARS[random.nextInt(CONTROL_CHARS.length)];
        String text = event.at(field).asText();
        int at = random.nextInt(text.length() + 1);
        set(event, field, EventTemplate.JSON.getNodeFactory().textNode(text.substring(0, at) + bad + text.substring(at)));
        return event;
    }

    private byte[] numberOutOfRange(ObjectNode event) {
        String number = HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)];
        String[] fields = {"total_amount", "auth_id", "due_amount"};
        String field = fields[random.nextInt(fields.length)];
        String json = event.toString();
        String raw = field.equals("auth_id") ? json.replaceFirst("\\}$", ",\"auth_id\":" + number + "}")
                : json.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":"
                        + (random.nextBoolean() ? number : "\"" + number + "\""));
        if (random.nextInt(4) == 0) {
            raw = raw.replaceFirst("\\}$", ",\"auth_id\":" + new BigInteger(130, random) + "}");
        }
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    /** 20,000 levels of arrays or objects, in an unknown field or around the whole event. */
    private byte[] deepNesting(ObjectNode event) {
        String json = event.toString();
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String deep = random.nextBoolean()
                ? json.substring(0, json.length() - 1) + ",\"extra\":" + open.repeat(DEEP) + "1" + close.repeat(DEEP) + "}"
                : open.repeat(DEEP) + json + close.repeat(DEEP);
        return deep.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(String json) {
        String[] fields = {"\"event_id\":\"", "\"case_id\":\"", "\"name\":\"", "\"phone\":\"", "\"description\":\""};
        String field = fields[random.nextInt(fields.length)];
        int at = json.indexOf(field) + field.length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
        out.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private byte[] notJson() {
        return switch (random.nextInt(5)) {
            case 0 -> randomBytes(1 + random.nextInt(200));
            case 1 -> "<event><id>1</id></event>".getBytes(StandardCharsets.UTF_8);
            case 2 -> "null".getBytes(StandardCharsets.UTF_8);
            case 3 -> "[{\"event_id\":\"x\"}]".getBytes(StandardCharsets.UTF_8);
            default -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] nearLimit(ObjectNode event) {
        String padding = "x".repeat(NEAR_LIMIT_BYTES - event.toString().length() - 64);
        String[] fields = {"/customer/name", "/task/description", "/padding"};
        String field = fields[random.nextInt(fields.length)];
        if (field.equals("/padding")) {
            event.put("padding", padding);
        } else {
            set(event, field, EventTemplate.JSON.getNodeFactory().textNode(padding));
        }
        return utf8(event);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void set(ObjectNode event, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = event.at(p.head());
        if (parent instanceof ArrayNode array) {
            array.set(p.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(p.last().getMatchingProperty(), value);
        }
    }

    private static byte[] utf8(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
