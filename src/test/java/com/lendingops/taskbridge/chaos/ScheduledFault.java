package com.lendingops.taskbridge.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * One fault of a trial's schedule: what, when (after the feed started), for how long, and its target: the index
 * of the replica to kill, or the number of create answers to lose; ignored by the other faults.
 */
record ScheduledFault(FaultKind kind, Duration at, Duration duration, int target) {

    String describe() {
        return String.format(Locale.ROOT, "%s@%.1fs/%.1fs%s", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                at.toMillis() / 1000.0, duration.toMillis() / 1000.0,
                kind == FaultKind.KILL9 || kind == FaultKind.KILL9_BETWEEN_POST_AND_WRITE ? "/r" + target
                        : kind == FaultKind.LOST_CREATE_ANSWERS ? "/n" + target : "");
    }
}
