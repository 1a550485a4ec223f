package com.lendingops.taskbridge.chaos;

import java.time.Duration;
import java.util.List;

/**
 * What one trial runs: how many replicas under which shared incs budget, how many valid and hostile records fed
 * over how long, and which faults (the schedule of their moments comes from the seed, see {@link FaultPlan}).
 *
 * @param claim the retry claim duration (BRIDGE_INGEST_RETRY_CLAIM_DURATION) of the replicas
 */
record TrialSpec(String name, int replicas, int ratePerSecond, int validEvents, int hostileRecords,
                 Duration feedWindow, List<FaultKind> faults, Duration outage, Duration claim) {
}
