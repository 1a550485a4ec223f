package com.lendingops.taskbridge.sync;

/**
 * What one sync cycle did. {@code calls} is the number of list requests written to incs (retries and page-base
 * probes included), the figure bounded by ⌈active/page length⌉ + (tasks that left the active set in this cycle
 * or the one before: their tail is read once more) + 2.
 *
 * @param ran        false when the cycle was skipped (not leader, or a cycle already running)
 * @param tracked    tasks tracked (and due) when the cycle started
 * @param seenInScan tracked tasks the active scan returned
 * @param lookups    by-id lookups of tracked tasks the scan did not return
 * @param recorded   tasks whose changes were written (one transaction per page or batch of lookups)
 * @param events     events appended to the outbox
 * @param ended      tasks that reached status 2 or 3 in this cycle
 * @param missing    tasks declared missing
 * @param failures   pages, lookups or recordings that failed (their tasks are retried next cycle)
 * @param stopped    the cycle stopped early: the replica lost its lease or is shutting down
 */
public record CycleReport(boolean ran, int calls, int tracked, int seenInScan, int lookups, int recorded, int events,
                          int ended, int missing, int failures, boolean stopped) {

    public static CycleReport skipped() {
        return new CycleReport(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }
}
