package com.lendingops.taskbridge.sync;

/**
 * What one sync cycle did. {@code calls} is the number of incs list calls, the figure bounded by
 * ⌈active/100⌉ + (tasks that left the active set) + 2.
 *
 * @param ran        false when the cycle was skipped (not leader, or a cycle already running)
 * @param tracked    tasks tracked when the cycle started
 * @param seenInScan tracked tasks the active scan returned
 * @param lookups    by-id lookups of tracked tasks the scan did not return
 * @param recorded   tasks whose changes were written (one transaction each)
 * @param events     events appended to the outbox
 * @param ended      tasks that reached status 2 or 3 and stopped being tracked
 * @param missing    tasks declared missing
 * @param failures   tasks whose lookup or recording failed (retried next cycle)
 */
public record CycleReport(boolean ran, int calls, int tracked, int seenInScan, int lookups, int recorded, int events,
                          int ended, int missing, int failures) {

    public static CycleReport skipped() {
        return new CycleReport(false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
