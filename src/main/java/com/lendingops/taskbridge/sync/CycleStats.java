package com.lendingops.taskbridge.sync;

import java.util.concurrent.atomic.AtomicInteger;

/** Counters of one sync cycle, filled while it runs (pages and lookups run concurrently, hence atomics). */
public final class CycleStats {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger missing = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int tracked;
    private volatile int seenInScan;

    /** Every list request written to incs: pages, lookups, retries and page-base probes. */
    void countCall() {
        calls.incrementAndGet();
    }

    void countLookup() {
        lookups.incrementAndGet();
    }

    void countRecorded(TaskChangeRecorder.Recorded result) {
        recorded.addAndGet(result.recorded());
        events.addAndGet(result.events());
        ended.addAndGet(result.ended().size());
        missing.addAndGet(result.missing());
    }

    void countFailure() {
        failures.incrementAndGet();
    }

    void countFailures(int count) {
        failures.addAndGet(count);
    }

    void tracked(int count) {
        tracked = count;
    }

    void seenInScan(int count) {
        seenInScan = count;
    }

    int calls() {
        return calls.get();
    }

    CycleReport report(boolean stopped) {
        return new CycleReport(true, calls.get(), tracked, seenInScan, lookups.get(), recorded.get(), events.get(),
                ended.get(), missing.get(), failures.get(), stopped);
    }
}
