package com.lendingops.taskbridge.api;

/** The two roles of the API, read from the token's roles claim ({@code SMALLRYE_JWT_PATH_GROUPS}). */
public final class Roles {

    /** Reads everything, sees customers' phones masked except the last four digits. */
    public static final String VIEWER = "viewer";
    /** Reads with full phones and acts (retry, cancel, re-sync, replay). */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
