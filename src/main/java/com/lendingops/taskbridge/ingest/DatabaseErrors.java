package com.lendingops.taskbridge.ingest;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Recognises the database errors that ingest handles as races rather than failures. */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** Another replica or consumer inserted the same key first. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Someone changed the row between our read and our write. */
    static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
