package com.lendingops.taskbridge.ingest;

import io.vertx.pgclient.PgException;

/**
 * Classifies database failures by SQLSTATE (never by exception class names): a failure that will recur on every
 * try with the same input (a value PostgreSQL refuses) versus one that may go away (connection, serialization,
 * timeouts, anything else).
 */
final class DatabaseErrors {

    static final String UNIQUE_VIOLATION = "23505";

    private DatabaseErrors() {
    }

    /**
     * The database refuses this input for good: SQLSTATE class 22 (data exception, e.g. U+0000 in a text column,
     * 22021) or an integrity constraint (class 23) other than a duplicate key, which intake treats as a redelivery.
     */
    static boolean isPermanent(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23") && !UNIQUE_VIOLATION.equals(state));
    }

    /** Another replica or consumer inserted the same key first. */
    static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** The SQLSTATE of the first PostgreSQL error in the cause chain, or null. */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
