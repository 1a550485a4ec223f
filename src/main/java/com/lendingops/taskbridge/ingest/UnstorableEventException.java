package com.lendingops.taskbridge.ingest;

/**
 * Why a record went to the dead-letter topic although it parsed: the database refuses to store it (the SQLSTATE and
 * PostgreSQL's message become SmallRye's dead-letter-reason header).
 */
public class UnstorableEventException extends RuntimeException {

    public UnstorableEventException(String sqlState, String message, Throwable cause) {
        super("the database refuses the event (SQLSTATE " + sqlState + "): " + message, cause);
    }
}
