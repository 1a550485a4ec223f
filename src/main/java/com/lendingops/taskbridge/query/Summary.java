package com.lendingops.taskbridge.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The state of the bridge at a glance (GET /summary, the console's live panel).
 *
 * @param at                    when it was read (database clock)
 * @param requests              request count per state (every state present, 0 when none)
 * @param oldestDeferredSeconds age of the longest-deferred request, null when none is deferred
 * @param outboxPending         events not yet acknowledged by Kafka
 * @param outboxLagSeconds      age of the oldest of them, 0 when none
 * @param deadLetters           records in the dead-letter topic, null when Kafka did not answer in time
 * @param incs                  this replica's view of incs
 * @param sync                  who leads sync and relay, and this replica's last cycle
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(OffsetDateTime at, Map<String, Long> requests, Long oldestDeferredSeconds, long outboxPending,
                      double outboxLagSeconds, Long deadLetters, Incs incs, Sync sync) {

    /** incs availability as seen by the replica that answered. */
    public record Incs(boolean available, boolean circuitOpen, boolean tokenRejected) {
    }

    /**
     * @param leader          holder of the sync-and-relay lease, null when nobody holds a valid one
     * @param leaseExpiresAt  when that lease ends unless renewed
     * @param thisReplica     the answering replica's lease id
     * @param lastCycle       the answering replica's last completed cycle, null when it ran none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sync(String leader, OffsetDateTime leaseExpiresAt, String thisReplica, LastCycle lastCycle) {
    }

    /** The figures of a completed cycle. */
    public record LastCycle(int calls, int tracked, int recorded, int events, int failures) {
    }

    /** The database part, filled in by {@link SummaryQueries}. */
    public record Stored(OffsetDateTime at, Map<String, Long> requests, Long oldestDeferredSeconds, long outboxPending,
                         double outboxLagSeconds, String leader, OffsetDateTime leaseExpiresAt) {
    }
}
