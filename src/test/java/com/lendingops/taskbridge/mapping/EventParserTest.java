package com.lendingops.taskbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTest {

    private final EventParser parser = new EventParser();

    @Test
    void readsEveryFieldOfTheSeedEventAndIgnoresUnknownOnes() {
        ParsedRecord parsed = parser.parse(TestEvents.resource("seed-event.json"));

        assertThat(parsed).isInstanceOf(ParsedRecord.Requested.class);
        CollectionEvent event = ((ParsedRecord.Requested) parsed).event();
        assertThat(event.eventId()).isEqualTo("0b9f6a7e-2c1d-4f7a-9f0e-3b1c2d4e5f60");
        assertThat(event.caseId()).isEqualTo("CASE-2026-000123");
        assertThat(event.customerName()).isEqualTo("路人A");
        assertThat(event.customerPhone()).isEqualTo("+62 815-1234-5678");
        assertThat(event.authId()).isEqualTo(30058L);
        assertThat(event.taskName()).isEqualTo("by api");
        assertThat(event.totalAmount()).isEqualTo("20000.00");
        assertThat(event.orders()).hasSize(2);
        assertThat(event.orders().get(0).loanAmount()).isNull();
        assertThat(event.orders().get(1).dueAmount()).isEqualTo("1500");
    }

    @Test
    void skipsOtherEventTypesWithoutRequiringTheirBody() {
        ParsedRecord parsed = parse("{\"event_id\":\"e1\",\"event_type\":\"collection.case.closed\"}");

        assertThat(parsed).isEqualTo(new ParsedRecord.OtherType("e1", "collection.case.closed"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all                                                                    | NOT_JSON",
            "{\"event_id\":\"e1\"} trailing                                                     | NOT_JSON",
            "[1, 2]                                                                             | NOT_AN_OBJECT",
            "{\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{\"phone\":\"1\"}} | MISSING_FIELD",
            "{\"event_id\":\"e1\",\"case_id\":\"c\",\"customer\":{\"phone\":\"1\"}}            | MISSING_FIELD",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"customer\":{\"phone\":\"1\"}} | MISSING_FIELD",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\"} | MISSING_FIELD",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{}} | MISSING_FIELD",
            "{\"event_id\":42,\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{\"phone\":\"1\"}} | WRONG_TYPE",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{\"phone\":6281}} | WRONG_TYPE",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":\"x\"} | WRONG_TYPE",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{\"phone\":\"1\"},\"auth_id\":\"30058\"} | WRONG_TYPE",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{\"phone\":\"1\"},\"orders\":{}} | WRONG_TYPE",
            "{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\",\"customer\":{\"phone\":\"1\"},\"orders\":[{\"due_amount\":true}]} | WRONG_TYPE"})
    void classifiesMalformedRecords(String value, MalformedReason expected) {
        ParsedRecord parsed = parse(value);

        assertThat(parsed).isInstanceOf(ParsedRecord.Malformed.class);
        assertThat(((ParsedRecord.Malformed) parsed).code()).isEqualTo(expected);
    }

    @Test
    void rejectsAnEventIdLongerThan128Characters() {
        String eventId = "e".repeat(129);
        ParsedRecord parsed = parse("{\"event_id\":\"" + eventId + "\",\"event_type\":\"x\"}");

        assertThat(parsed).isInstanceOf(ParsedRecord.Malformed.class);
        assertThat(((ParsedRecord.Malformed) parsed).code()).isEqualTo(MalformedReason.TOO_LONG);
    }

    @Test
    void treatsAnEmptyRecordAsMalformed() {
        assertThat(parser.parse(null)).isInstanceOf(ParsedRecord.Malformed.class);
        assertThat(((ParsedRecord.Malformed) parser.parse(new byte[0])).code()).isEqualTo(MalformedReason.EMPTY_RECORD);
    }

    @Test
    void namesTheOffendingFieldInTheDetail() {
        ParsedRecord parsed = parse("{\"event_id\":\"e1\",\"event_type\":\"collection.task.requested\",\"case_id\":\"c\","
                + "\"customer\":{\"phone\":\"1\"},\"orders\":[{},{\"loan_amount\":[]}]}");

        assertThat(((ParsedRecord.Malformed) parsed).detail()).contains("orders[1].loan_amount");
    }

    private ParsedRecord parse(String value) {
        return parser.parse(value.getBytes(StandardCharsets.UTF_8));
    }
}
