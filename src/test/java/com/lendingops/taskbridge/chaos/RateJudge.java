package com.lendingops.taskbridge.chaos;

import java.util.List;

/**
 * The shared rate budget as incs would judge it: calls that arrived at the gateway (forwarded or answered by it)
 * within any sliding second. Every arrival that is the (R+1)-th within one second is one violation.
 */
final class RateJudge {

    private static final long ONE_SECOND = 1_000_000_000L;

    private RateJudge() {
    }

    static void judge(TrialResult result, List<Long> arrivals, int ratePerSecond) {
        long[] times = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.length; end++) {
            while (times[end] - times[start] >= ONE_SECOND) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        result.maxPerSecondAtGateway = best;
        if (ratePerSecond <= 0) {
            return;
        }
        int violations = 0;
        for (int i = ratePerSecond; i < times.length; i++) {
            if (times[i] - times[i - ratePerSecond] < ONE_SECOND) {
                violations++;
            }
        }
        result.budgetViolations = violations;
        if (violations > 0) {
            result.violation(violations + " call(s) beyond " + ratePerSecond + " in one second (at most " + best
                    + " calls within a second)");
        }
    }
}
