package com.lendingops.taskbridge.outbox;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A row Kafka did not acknowledge. {@code permanent} when the broker or producer refused the record itself in
 * a way a retry cannot fix (an {@link ApiException} that is not a {@link RetriableException}: record too large,
 * authorization, invalid record); only those count towards parking. Timeouts and an unreachable broker are
 * transient: the row is retried, with backoff, for as long as it takes.
 */
public record RelayFailure(long id, String recordKey, boolean permanent, String message) {

    static RelayFailure of(PendingEvent row, Throwable failure) {
        return new RelayFailure(row.id(), row.recordKey(), isPermanent(failure), describe(failure));
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof ApiException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
