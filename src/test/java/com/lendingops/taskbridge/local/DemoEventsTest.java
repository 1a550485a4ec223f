package com.lendingops.taskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo feed exercises what it claims: spellings, conflicts, orders, invalid and skipped events. */
class DemoEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<DemoEvent> events = generate(300, 7);

    @Test
    void everyKindOfEventAppearsInAFewHundred() {
        assertThat(events).extracting(DemoEvent::kind).contains(DemoEvent.Kind.values());
    }

    @Test
    void phonesSpelledAnyWayNormaliseToTheEventsDigits() {
        assertThat(events).filteredOn(e -> e.digits() != null).isNotEmpty().allSatisfy(e ->
                assertThat(normalise(json(e).path("customer").path("phone").asText())).isEqualTo(e.digits()));
    }

    @Test
    void aRepeatedPhoneBelongsToAnEarlierNewCustomer() {
        Set<String> seen = new HashSet<>();
        for (DemoEvent event : events) {
            if (event.kind() == DemoEvent.Kind.SAME_PHONE_AGAIN) {
                assertThat(seen).contains(event.digits());
            }
            if (event.kind() == DemoEvent.Kind.NEW_CUSTOMER) {
                seen.add(event.digits());
            }
        }
    }

    @Test
    void spellingsCoverInternationalNationalDashedAndBracketedForms() {
        DemoEvents generator = new DemoEvents(1);
        Set<String> shapes = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> shapes.add(generator.spell("6281234567890").replaceAll("\\d", "9")));

        assertThat(shapes).contains("+99 999-9999-9999", "9999 9999 9999", "99-999-9999-9999", "(9999) 9999-9999");
    }

    @Test
    void ordersComeWithAndWithoutAmounts() {
        List<JsonNode> requested = events.stream().filter(e -> e.digits() != null).map(DemoEventsTest::json).toList();

        assertThat(requested).anyMatch(e -> e.has("total_amount"));
        assertThat(requested).anyMatch(e -> e.has("orders") && !e.has("total_amount")
                && e.path("orders").get(0).path("due_amount").isNull());
        assertThat(requested).anyMatch(e -> !e.has("orders"));
    }

    /** Invalid per the ingest contract: unreadable, no case_id, a phone outside 8-15 digits, or a name over 256. */
    @Test
    void invalidEventsBreakTheContract() {
        assertThat(events).filteredOn(e -> e.kind() == DemoEvent.Kind.INVALID).isNotEmpty().allSatisfy(e -> {
            JsonNode body = tryJson(e.value());
            boolean broken = body == null
                    || !body.hasNonNull("case_id")
                    || !normalise(body.path("customer").path("phone").asText()).matches("\\d{8,15}")
                    || body.path("task").path("name").asText().codePointCount(0,
                            body.path("task").path("name").asText().length()) > 256;
            assertThat(broken).as(e.value()).isTrue();
        });
    }

    @Test
    void sameSeedGivesTheSameStream() {
        assertThat(generate(50, 3)).extracting(DemoEvent::key).isEqualTo(generate(50, 3).stream().map(DemoEvent::key).toList());
    }

    /** The ingest rule of issue 3: strip separators, a leading + or 00; a national 0 becomes 62. */
    private static String normalise(String phone) {
        String digits = phone.replaceAll("[\\s\\-()]", "").replaceFirst("^\\+", "").replaceFirst("^00", "");
        return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
    }

    private static List<DemoEvent> generate(int count, long seed) {
        DemoEvents generator = new DemoEvents(seed);
        return IntStream.range(0, count).mapToObj(i -> generator.next()).toList();
    }

    private static JsonNode json(DemoEvent event) {
        return tryJson(event.value());
    }

    private static JsonNode tryJson(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }
}
