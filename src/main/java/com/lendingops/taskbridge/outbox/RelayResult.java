package com.lendingops.taskbridge.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Outcome of one relay pass: rows acknowledged by Kafka, and per key the first row that failed (the rows
 * after it were not sent, so that a key's order is never broken).
 */
public record RelayResult(List<Long> published, List<RelayFailure> failures) {

    static final RelayResult EMPTY = new RelayResult(List.of(), List.of());

    /** Ids of the rows that failed. */
    public List<Long> failed() {
        return failures.stream().map(RelayFailure::id).toList();
    }

    static RelayResult merge(List<RelayResult> results) {
        List<Long> published = new ArrayList<>();
        List<RelayFailure> failed = new ArrayList<>();
        for (RelayResult result : results) {
            published.addAll(result.published());
            failed.addAll(result.failures());
        }
        return new RelayResult(List.copyOf(published), List.copyOf(failed));
    }
}
