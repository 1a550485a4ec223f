package com.lendingops.taskbridge.query;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A keyset position: the sort time and the unique id of the last row of a page. Opaque to clients (URL-safe
 * base64) so the API may change its sort keys without breaking a link; a cursor that does not decode is
 * reported as invalid, never silently ignored.
 *
 * @param at the sort key of the last row returned
 * @param id the unique tie-breaker of the last row returned
 */
public record Cursor(OffsetDateTime at, String id) {

    private static final char SEPARATOR = '|';

    public String encode() {
        String plain = at.toString() + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or empty when the text is not one this API issued. */
    public static Optional<Cursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int split = plain.indexOf(SEPARATOR);
            if (split <= 0 || split == plain.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(OffsetDateTime.parse(plain.substring(0, split)),
                    plain.substring(split + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
