package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After in both forms RFC 9110 allows. */
class RetryAfterHeaderTest {

    private static final Instant NOW = Instant.parse("2026-04-16T09:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfterHeader.parse(" 12 ", NOW)).contains(Duration.ofSeconds(12));
    }

    @Test
    void readsHttpDateRelativeToNowAndNeverNegative() {
        assertThat(RetryAfterHeader.parse("Thu, 16 Apr 2026 09:01:00 GMT", NOW)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfterHeader.parse("Thu, 16 Apr 2026 08:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresAbsentOrUnreadableValues() {
        assertThat(RetryAfterHeader.parse(null, NOW)).isEmpty();
        assertThat(RetryAfterHeader.parse("soon", NOW)).isEmpty();
    }
}
