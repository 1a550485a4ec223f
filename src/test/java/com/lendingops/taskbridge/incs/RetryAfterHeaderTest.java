package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After in every form RFC 9110 allows, capped, whatever its size. */
class RetryAfterHeaderTest {

    private static final Instant NOW = Instant.parse("2026-04-16T09:00:00Z");
    private static final Duration CAP = Duration.ofMinutes(2);

    private static java.util.Optional<Duration> parse(String value) {
        return RetryAfterHeader.parse(value, NOW, CAP);
    }

    @Test
    void readsDelaySeconds() {
        assertThat(parse(" 12 ")).contains(Duration.ofSeconds(12));
        assertThat(parse("0")).contains(Duration.ZERO);
        assertThat(parse("000120")).contains(Duration.ofSeconds(120));
    }

    @Test
    void readsHttpDateRelativeToNowAndNeverNegative() {
        assertThat(parse("Thu, 16 Apr 2026 09:01:00 GMT")).contains(Duration.ofMinutes(1));
        assertThat(parse("Thu, 16 Apr 2026 08:00:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void readsTheObsoleteHttpDateForms() {
        assertThat(parse("Thursday, 16-Apr-26 09:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(parse("Thu Apr 16 09:00:45 2026")).contains(Duration.ofSeconds(45));
    }

    @ParameterizedTest
    @ValueSource(strings = {"121", "3600", "9223372036854775807", "9223372036854775808",
            "99999999999999999999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"})
    void capsLongAndHugeWaitsWithoutOverflowing(String value) {
        assertThat(parse(value)).contains(CAP);
    }

    @Test
    void ignoresAbsentOrUnreadableValues() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("soon")).isEmpty();
        assertThat(parse("-5")).isEmpty();
        assertThat(parse("1.5")).isEmpty();
    }
}
