package com.lendingops.taskbridge.simulator;

/** Whether an error's HTTP status mirrors the body {@code code}: the incs docs leave it open. */
public enum ResponseStyle {
    /** HTTP status equals the body code (400, 422, 429, 500), and 401 for code 10001. */
    MIRROR_HTTP_STATUS,
    /** HTTP 200 for everything; only the body says {@code "status":"error"} and the code. */
    ALWAYS_200;

    int httpStatus(int bodyCode) {
        if (this == ALWAYS_200) {
            return 200;
        }
        return bodyCode == ApiError.CREDENTIAL_INVALID ? 401 : bodyCode;
    }
}
