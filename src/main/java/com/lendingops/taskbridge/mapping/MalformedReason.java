package com.lendingops.taskbridge.mapping;

import java.util.Locale;

/**
 * Why a record was dead-lettered; the header value is the lower-case, hyphenated name. {@code OVER_LIMIT}: deeper
 * nesting or a longer number or string token than any event has; {@code INVALID_CHARACTER}: U+0000, an unpaired
 * surrogate, or a control character in an identifier; {@code NUMBER_OUT_OF_RANGE}: an amount beyond
 * {@link Amounts}.
 */
public enum MalformedReason {
    EMPTY_RECORD, NOT_JSON, NOT_AN_OBJECT, MISSING_FIELD, WRONG_TYPE, TOO_LONG, INVALID_CHARACTER,
    NUMBER_OUT_OF_RANGE, OVER_LIMIT;

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
