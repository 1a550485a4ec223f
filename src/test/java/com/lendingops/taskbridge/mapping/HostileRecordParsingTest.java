package com.lendingops.taskbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records a hostile or careless producer sends (found by the chaos suite, bench/chaos.sh): each is
 * dead-lettered with a reason that names the problem, instead of reaching the database (which refuses U+0000
 * and unpaired surrogates and would make the record fail on every retry) or costing unbounded CPU and memory.
 */
class HostileRecordParsingTest {

    private final EventParser parser = new EventParser();

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "case_id", "assignee", "customer.name", "customer.phone", "task.name",
            "task.description", "occurred_at", "orders[0].order_number"})
    void deadLettersANulCharacterInAnyStringField(String field) {
        ParsedRecord parsed = parse(eventWith(field, "\"ab\\u0000cd\""));

        assertMalformed(parsed, MalformedReason.INVALID_CHARACTER, field);
    }

    @Test
    void deadLettersARawNulByteInsideAString() {
        byte[] value = eventWith("customer.name", "\"ab\u0000cd\"").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(value)).isInstanceOf(ParsedRecord.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "case_id", "assignee", "customer.phone"})
    void deadLettersAControlCharacterInAnIdentifier(String field) {
        ParsedRecord parsed = parse(eventWith(field, "\"ab\\u001bcd\""));

        assertMalformed(parsed, MalformedReason.INVALID_CHARACTER, field);
    }

    @Test
    void keepsLineBreaksAndTabsInFreeText() {
        ParsedRecord parsed = parse(eventWith("task.description", "\"line one\\nline\\ttwo\""));

        assertThat(parsed).isInstanceOf(ParsedRecord.Requested.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.name", "case_id", "task.description"})
    void deadLettersAnUnpairedSurrogate(String field) {
        ParsedRecord parsed = parse(eventWith(field, "\"ab\\ud800cd\""));

        assertMalformed(parsed, MalformedReason.INVALID_CHARACTER, field);
    }

    @Test
    void deadLettersSurrogatesEncodedAsThreeByteSequences() {
        // CESU-8 / "modified UTF-8" for U+D800: not valid UTF-8
        byte[] value = withRawBytes("customer.name", new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80});

        assertThat(parser.parse(value)).isInstanceOf(ParsedRecord.Malformed.class);
    }

    @Test
    void deadLettersInvalidUtf8AsNotJson() {
        byte[] value = withRawBytes("customer.name", new byte[] {'a', (byte) 0xC3, (byte) 0x28});

        assertMalformed(parser.parse(value), MalformedReason.NOT_JSON, "UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1E+999999999", "1e-999999999", "123456789012345678901234567890"})
    void deadLettersAnAmountOutOfRangeInsteadOfExpandingIt(String number) {
        ParsedRecord parsed = parse(eventWith("total_amount", number));

        assertMalformed(parsed, MalformedReason.NUMBER_OUT_OF_RANGE, "total_amount");
    }

    @Test
    void deadLettersAnOrderAmountOutOfRange() {
        ParsedRecord parsed = parse(eventWith("orders[0].due_amount", "5e-400000"));

        assertMalformed(parsed, MalformedReason.NUMBER_OUT_OF_RANGE, "orders[0].due_amount");
    }

    @Test
    void keepsAnOrdinaryAmountExact() {
        ParsedRecord parsed = parse(eventWith("total_amount", "1500000.25"));

        assertThat(((ParsedRecord.Requested) parsed).event().totalAmount()).isEqualTo("1500000.25");
    }

    @Test
    void deadLettersTwentyThousandLevelsOfNestingWithAReasonThatSaysSo() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        ParsedRecord parsed = parse(eventWith("extra", deep));

        assertMalformed(parsed, MalformedReason.OVER_LIMIT, "nesting");
    }

    @Test
    void deadLettersAValueNearTheBrokersSizeLimitWithoutReadingItAsAnEvent() {
        String huge = "\"" + "x".repeat(900 * 1024) + "\"";
        ParsedRecord parsed = parse(eventWith("customer.name", huge));

        assertMalformed(parsed, MalformedReason.TOO_LONG, "customer.name");
    }

    private static void assertMalformed(ParsedRecord parsed, MalformedReason reason, String detailMentions) {
        assertThat(parsed).isInstanceOf(ParsedRecord.Malformed.class);
        ParsedRecord.Malformed malformed = (ParsedRecord.Malformed) parsed;
        assertThat(malformed.code()).isEqualTo(reason);
        assertThat(malformed.detail()).contains(detailMentions);
    }

    private ParsedRecord parse(String value) {
        return parser.parse(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid event with {@code field} (dotted path, one order) set to the raw JSON {@code json}. */
    private static String eventWith(String field, String json) {
        String[] v = {"\"e-1\"", "\"C-1\"", "\"incs_1\"", "\"Budi\"", "\"+62 815-1234-5678\"", "\"n\"", "\"d\"",
                "\"2026-04-16T09:44:48Z\"", "\"WD1\"", "\"20000.00\"", "\"1500\"", "1"};
        String[] names = {"event_id", "case_id", "assignee", "customer.name", "customer.phone", "task.name",
                "task.description", "occurred_at", "orders[0].order_number", "total_amount", "orders[0].due_amount",
                "extra"};
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                v[i] = json;
            }
        }
        return "{\"event_id\":" + v[0] + ",\"event_type\":\"collection.task.requested\",\"case_id\":" + v[1]
                + ",\"assignee\":" + v[2] + ",\"customer\":{\"name\":" + v[3] + ",\"phone\":" + v[4] + "}"
                + ",\"task\":{\"name\":" + v[5] + ",\"description\":" + v[6] + "},\"occurred_at\":" + v[7]
                + ",\"total_amount\":" + v[9] + ",\"orders\":[{\"order_number\":" + v[8] + ",\"due_amount\":" + v[10]
                + "}],\"extra\":" + v[11] + "}";
    }

    /** A valid event whose string {@code field} holds exactly {@code raw} (bytes that may not be UTF-8). */
    private static byte[] withRawBytes(String field, byte[] raw) {
        String[] halves = eventWith(field, "\"@@\"").split("@@", 2);
        return concat(concat(halves[0].getBytes(StandardCharsets.UTF_8), raw),
                halves[1].getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
