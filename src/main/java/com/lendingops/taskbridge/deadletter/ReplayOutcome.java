package com.lendingops.taskbridge.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one dead letter asked to be replayed.
 *
 * @param partition      dead-letter partition
 * @param offset         dead-letter offset
 * @param outcome        replayed, not_found (no longer in the topic) or failed (Kafka refused)
 * @param corrected      true when a corrected value was sent instead of the original
 * @param inputPartition where the replayed record landed on the input topic
 * @param inputOffset    its offset there
 * @param error          why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayOutcome(int partition, long offset, String outcome, boolean corrected, Integer inputPartition,
                            Long inputOffset, String error) {

    static ReplayOutcome notFound(int partition, long offset) {
        return new ReplayOutcome(partition, offset, "not_found", false, null, null, null);
    }
}
