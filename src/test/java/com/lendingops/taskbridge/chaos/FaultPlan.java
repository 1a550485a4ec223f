package com.lendingops.taskbridge.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The schedule of a trial's faults, drawn from its seed: the same seed and spec give the same moments, durations
 * and targets. Faults start between 3 s into the feed and its end, so they meet work in flight, and may overlap.
 */
final class FaultPlan {

    private FaultPlan() {
    }

    static List<ScheduledFault> draw(TrialSpec spec, Random random) {
        List<ScheduledFault> plan = new ArrayList<>();
        long window = Math.max(4_000, spec.feedWindow().toMillis());
        for (FaultKind kind : spec.faults()) {
            Duration at = Duration.ofMillis(3_000 + (long) (random.nextDouble() * (window - 3_000)));
            plan.add(new ScheduledFault(kind, at, duration(kind, spec, random), target(kind, spec, random)));
        }
        plan.sort(Comparator.comparing(ScheduledFault::at));
        return pagesAfterOutage(plan);
    }

    /** Gateway pages during an incs outage would never be seen (nothing listens): they follow the outage instead. */
    private static List<ScheduledFault> pagesAfterOutage(List<ScheduledFault> plan) {
        ScheduledFault outage = plan.stream().filter(f -> f.kind() == FaultKind.INCS_OUTAGE).findFirst().orElse(null);
        if (outage == null) {
            return plan;
        }
        List<ScheduledFault> adjusted = new ArrayList<>();
        Duration outageEnd = outage.at().plus(outage.duration());
        for (ScheduledFault f : plan) {
            boolean hidden = f.kind() == FaultKind.GATEWAY_PAGES && f.at().compareTo(outage.at()) >= 0
                    && f.at().compareTo(outageEnd) < 0;
            adjusted.add(hidden ? new ScheduledFault(f.kind(), outageEnd.plusSeconds(1), f.duration(), f.target()) : f);
        }
        adjusted.sort(Comparator.comparing(ScheduledFault::at));
        return adjusted;
    }

    private static Duration duration(FaultKind kind, TrialSpec spec, Random random) {
        return switch (kind) {
            // time the replica stays dead before it is started again
            case KILL9, KILL9_BETWEEN_POST_AND_WRITE -> seconds(2 + random.nextInt(5));
            // longer than the lease TTL the trials configure (4 s)
            case FREEZE_LEADER -> seconds(6 + random.nextInt(5));
            case POSTGRES_RESTART, KAFKA_RESTART -> seconds(3 + random.nextInt(6));
            case INCS_OUTAGE -> spec.outage();
            case RATE_LIMIT_STORM_RETRY_AFTER, RATE_LIMIT_STORM_NO_RETRY_AFTER, SLOW_ANSWERS -> seconds(
                    4 + random.nextInt(6));
            case GATEWAY_PAGES -> seconds(9 + random.nextInt(7));
            case LOST_CREATE_ANSWERS -> Duration.ZERO;
        };
    }

    private static int target(FaultKind kind, TrialSpec spec, Random random) {
        return switch (kind) {
            case KILL9, KILL9_BETWEEN_POST_AND_WRITE -> random.nextInt(spec.replicas());
            case LOST_CREATE_ANSWERS -> 2 + random.nextInt(6);
            default -> 0;
        };
    }

    private static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
