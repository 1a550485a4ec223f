package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.List;

/**
 * Calls held open at the incs simulator at the same time, derived from its arrival log: the simulator answers
 * each call a fixed latency L after it arrives, so the calls open at instant t are those that arrived in
 * (t - L, t], and the peak is the most arrivals inside any window of length L. This reads concurrency as the
 * remote API sees it, without instrumenting the bridge or sampling its gauge.
 */
final class PeakConcurrency {

    private PeakConcurrency() {
    }

    /** The most {@code arrivalNanos} (any order) within any window of {@code holdTime}. */
    static int of(List<Long> arrivalNanos, Duration holdTime) {
        long[] times = arrivalNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long window = Math.max(1, holdTime.toNanos());
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.length; end++) {
            while (start < end && times[end] - times[start] >= window) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
}
