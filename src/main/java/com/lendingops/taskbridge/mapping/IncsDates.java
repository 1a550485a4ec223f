package com.lendingops.taskbridge.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Converts the dates of an event into the zone-less formats incs shows in its panel:
 * {@code yyyy-MM-dd} and {@code yyyy-MM-dd HH:mm:ss} in the configured zone. Values without an offset
 * are taken as already being in that zone. Null becomes "" (incs wants strings, never null).
 */
final class IncsDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    IncsDates(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code yyyy-MM-dd}; throws DateTimeException when the value is not a date or date-time. */
    String dueDate(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String text = value.trim();
        if (text.length() == 10) {
            return LocalDate.parse(text).toString();
        }
        return localDateTime(text).toLocalDate().toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss}; a bare date means its start. */
    String dateTime(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String text = value.trim();
        if (text.length() == 10) {
            return DATE_TIME.format(LocalDate.parse(text).atStartOfDay());
        }
        return DATE_TIME.format(localDateTime(text));
    }

    private LocalDateTime localDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException withoutOffset) {
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                    : text;
            return LocalDateTime.parse(iso);
        }
    }
}
