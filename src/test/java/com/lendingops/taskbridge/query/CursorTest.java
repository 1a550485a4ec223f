package com.lendingops.taskbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesItsRoundTripIncludingSeparatorsInTheId() {
        Cursor cursor = new Cursor(OffsetDateTime.of(2026, 4, 16, 9, 44, 48, 123_456_000, ZoneOffset.UTC), "evt|a b/ü");
        assertThat(Cursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void textThatThisApiDidNotIssueIsNoCursor() {
        for (String text : List.of("", "@@", "bm90LWEtY3Vyc29y", "fDEyMw", "MjAyNi0wNC0xNlQwOTo0NDo0OFp8")) {
            assertThat(Cursor.decode(text)).as(text).isEmpty();
        }
    }

    @Test
    void aPageWithMoreRowsThanItsLimitPointsAfterItsLastRow() {
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Page<Integer> page = Page.of(List.of(1, 2, 3), 2, i -> new Cursor(t.plusSeconds(i), String.valueOf(i)));
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(Cursor.decode(page.nextCursor())).contains(new Cursor(t.plusSeconds(2), "2"));
        assertThat(Page.of(List.of(1, 2), 2, i -> new Cursor(t, "x")).nextCursor()).isNull();
    }
}
