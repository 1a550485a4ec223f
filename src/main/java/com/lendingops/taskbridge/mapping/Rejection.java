package com.lendingops.taskbridge.mapping;

import java.util.Locale;

/** Reasons published in collection.task.rejected / failed events (field {@code reason}, snake_case). */
public enum Rejection {
    INVALID_PHONE, NAME_TOO_LONG, DESCRIPTION_TOO_LONG, MISSING_AUTH_ID, MISSING_ASSIGNEE, ASSIGNEE_TOO_LONG,
    INVALID_AMOUNT, INVALID_DATE, INCS_REJECTED, DEFERRAL_HORIZON_EXCEEDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
