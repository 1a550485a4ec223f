package com.lendingops.taskbridge.mapping;

import java.util.Optional;

/**
 * Which characters a text field of a collection event may hold. PostgreSQL refuses U+0000 in text and an
 * unpaired surrogate cannot be encoded as UTF-8, so a record carrying either would fail at every retry; an
 * identifier (event id, case id, phone, assignee) with a control character is a producer bug that would end up
 * in logs, keys and incs. Free text keeps line breaks and tabs.
 */
final class TextRules {

    private TextRules() {
    }

    /** Whether the field is an identifier (strict) or free text (line breaks and tabs allowed). */
    enum Kind { IDENTIFIER, FREE_TEXT }

    /** A description of the first character {@code value} may not hold, or empty when it is acceptable. */
    static Optional<String> firstInvalidCharacter(String value, Kind kind) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("an unpaired surrogate U+" + hex(c) + " at index " + i);
            } else if (Character.isISOControl(c) && !allowed(c, kind)) {
                return Optional.of("the control character U+" + hex(c) + " at index " + i);
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(char c, Kind kind) {
        return kind == Kind.FREE_TEXT && (c == '\t' || c == '\n' || c == '\r');
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
