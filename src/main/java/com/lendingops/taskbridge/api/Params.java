package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.mapping.PhoneNumbers;
import com.lendingops.taskbridge.query.Cursor;
import com.lendingops.taskbridge.task.RequestState;
import com.lendingops.taskbridge.task.TaskStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Validation of query parameters: each bad value becomes a 400 that names its parameter. */
final class Params {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Params() {
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** A cursor this API issued; {@code numericId} for lists whose tie-breaker is a number. */
    static Optional<Cursor> cursor(String raw, boolean numericId) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Optional<Cursor> cursor = Cursor.decode(raw.trim())
                .filter(c -> !numericId || c.id().chars().allMatch(Character::isDigit));
        if (cursor.isEmpty()) {
            throw ApiException.badParameter("cursor", "cursor is not one this API issued; start without it");
        }
        return cursor;
    }

    /** An ISO-8601 instant with offset, or a date (midnight UTC). */
    static Optional<OffsetDateTime> time(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, name + " must be an ISO-8601 time with offset, e.g. "
                    + "2026-04-16T09:44:48Z, or a date, e.g. 2026-04-16");
        }
    }

    static Optional<String> state(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String state = raw.trim().toLowerCase(Locale.ROOT);
        if (Arrays.stream(RequestState.values()).noneMatch(s -> s.dbValue().equals(state))) {
            throw ApiException.badParameter("state", "state must be one of "
                    + Arrays.stream(RequestState.values()).map(RequestState::dbValue).toList());
        }
        return Optional.of(state);
    }

    /** A task status as its code (0..3) or published name (not_started, in_progress, completed, terminated). */
    static Optional<Integer> status(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim().toLowerCase(Locale.ROOT);
        return Optional.of(Arrays.stream(TaskStatus.values())
                .filter(s -> String.valueOf(s.code()).equals(text) || s.publishedName().equals(text))
                .findFirst().map(TaskStatus::code)
                .orElseThrow(() -> ApiException.badParameter("status",
                        "status must be 0, 1, 2, 3 or not_started, in_progress, completed, terminated")));
    }

    /** The phone in any spelling the ingest accepts, normalised the same way. */
    static Optional<String> phone(String raw, String defaultCountryCode) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(PhoneNumbers.normalise(raw, defaultCountryCode).orElseThrow(() ->
                ApiException.badParameter("phone", "phone is not a number the bridge accepts (8 to 15 digits with "
                        + "country code, or a national number starting with 0)")));
    }

    static Optional<String> text(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.trim());
    }

    static long taskId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("task_id", "task_id must be a number");
        }
    }
}
