package com.lendingops.taskbridge.incs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header, which may be delay-seconds or an HTTP date (RFC 9110 §10.2.3), capped:
 * whoever sends it (incs or a gateway in front of it) must not be able to park calls for hours, and no value,
 * however large, may overflow into a negative or absurd wait.
 */
final class RetryAfterHeader {

    /** IMF-fixdate first, then the two obsolete forms RFC 9110 still asks recipients to accept. */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(java.time.ZoneOffset.UTC));

    private RetryAfterHeader() {
    }

    /** The wait the header asks for, at most {@code max}; empty when absent or unreadable, never negative. */
    static Optional<Duration> parse(String value, Instant now, Duration max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more digits than the cap can have seconds: no need to parse (or overflow) them
            String digits = trimmed.replaceFirst("^0+(?=.)", "");
            long maxSeconds = max.getSeconds() + (max.getNano() > 0 ? 1 : 0);
            if (digits.length() > String.valueOf(maxSeconds).length()) {
                return Optional.of(max);
            }
            return Optional.of(capped(Duration.ofSeconds(Long.parseLong(digits)), max));
        }
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, format).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait, max));
            } catch (DateTimeParseException | ArithmeticException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Duration capped(Duration wait, Duration max) {
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
