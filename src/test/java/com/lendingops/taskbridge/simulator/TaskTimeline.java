package com.lendingops.taskbridge.simulator;

import java.time.Duration;
import java.util.List;

/**
 * How tasks progress by themselves once created: after {@code startAfter} 0 → 1 (type-3 log), then
 * one remark (type-4 log) every {@code remarkEvery} while in progress, then after {@code finishAfter}
 * (counted from the start) 1 → 2, or 1 → 3 for a {@code terminateFraction} of the tasks.
 * A step only applies if the task is still where the timeline left it (a test may have moved it).
 */
public record TaskTimeline(boolean enabled, Duration startAfter, Duration remarkEvery, List<String> remarks,
                           Duration finishAfter, double terminateFraction) {

    public TaskTimeline {
        remarks = List.copyOf(remarks);
        if (terminateFraction < 0 || terminateFraction > 1) {
            throw new IllegalArgumentException("terminate fraction must be within [0, 1]");
        }
    }

    /** Tasks stay where they are until a test moves them (the default). */
    public static TaskTimeline off() {
        return new TaskTimeline(false, Duration.ZERO, Duration.ZERO, List.of(), Duration.ZERO, 0);
    }

    /** Start after {@code startAfter}, complete {@code finishAfter} later, no remarks, never terminate. */
    public static TaskTimeline of(Duration startAfter, Duration finishAfter) {
        return new TaskTimeline(true, startAfter, Duration.ZERO, List.of(), finishAfter, 0);
    }

    /** The timeline of the standalone demo: start after 10 s, remarks, finish after 60 s, 20% terminated. */
    public static TaskTimeline demo() {
        return new TaskTimeline(true, Duration.ofSeconds(10), Duration.ofSeconds(15),
                List.of("Customer contacted", "Customer promised to pay"), Duration.ofSeconds(60), 0.2);
    }

    public TaskTimeline withRemarks(Duration every, List<String> texts) {
        return new TaskTimeline(enabled, startAfter, every, texts, finishAfter, terminateFraction);
    }

    public TaskTimeline withTerminateFraction(double fraction) {
        return new TaskTimeline(enabled, startAfter, remarkEvery, remarks, finishAfter, fraction);
    }
}
