package com.lendingops.taskbridge.mapping;

import java.util.Locale;

/** Why a record was dead-lettered; the header value is the lower-case, hyphenated name. */
public enum MalformedReason {
    EMPTY_RECORD, NOT_JSON, NOT_AN_OBJECT, MISSING_FIELD, WRONG_TYPE, TOO_LONG;

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
