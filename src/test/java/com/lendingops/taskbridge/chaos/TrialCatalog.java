package com.lendingops.taskbridge.chaos;

import static com.lendingops.taskbridge.chaos.FaultKind.FREEZE_LEADER;
import static com.lendingops.taskbridge.chaos.FaultKind.GATEWAY_PAGES;
import static com.lendingops.taskbridge.chaos.FaultKind.INCS_OUTAGE;
import static com.lendingops.taskbridge.chaos.FaultKind.KAFKA_RESTART;
import static com.lendingops.taskbridge.chaos.FaultKind.KILL9;
import static com.lendingops.taskbridge.chaos.FaultKind.KILL9_BETWEEN_POST_AND_WRITE;
import static com.lendingops.taskbridge.chaos.FaultKind.LOST_CREATE_ANSWERS;
import static com.lendingops.taskbridge.chaos.FaultKind.POSTGRES_RESTART;
import static com.lendingops.taskbridge.chaos.FaultKind.RATE_LIMIT_STORM_NO_RETRY_AFTER;
import static com.lendingops.taskbridge.chaos.FaultKind.RATE_LIMIT_STORM_RETRY_AFTER;
import static com.lendingops.taskbridge.chaos.FaultKind.SLOW_ANSWERS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The trials of the short (CI) and the full run. */
final class TrialCatalog {

    private static final Duration CLAIM = Duration.ofSeconds(20);

    private TrialCatalog() {
    }

    /**
     * The CI run: every fault kind once, 1,000 hostile records in all, small feeds over short windows so the three
     * trials (one infrastructure start for all of them) fit in about three minutes on an idle 2-core runner.
     */
    static List<TrialSpec> shortRun() {
        return List.of(
                new TrialSpec("kill9-storm", 1, 20, 60, 400, Duration.ofSeconds(8),
                        List.of(KILL9_BETWEEN_POST_AND_WRITE, RATE_LIMIT_STORM_RETRY_AFTER, LOST_CREATE_ANSWERS,
                                SLOW_ANSWERS), Duration.ZERO, CLAIM),
                new TrialSpec("replicas-budget", 3, 4, 24, 300, Duration.ofSeconds(8),
                        List.of(KILL9, FREEZE_LEADER, RATE_LIMIT_STORM_NO_RETRY_AFTER), Duration.ZERO, CLAIM),
                new TrialSpec("infrastructure", 1, 20, 50, 300, Duration.ofSeconds(10),
                        List.of(POSTGRES_RESTART, KAFKA_RESTART, INCS_OUTAGE, GATEWAY_PAGES), Duration.ofSeconds(8),
                        CLAIM));
    }

    static List<TrialSpec> fullRun() {
        List<TrialSpec> trials = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            trials.add(new TrialSpec("kill9-" + i, 2, 40, 2_000, 0, Duration.ofSeconds(45),
                    List.of(KILL9, KILL9_BETWEEN_POST_AND_WRITE, KILL9), Duration.ZERO, CLAIM));
        }
        trials.add(new TrialSpec("hostile-10k", 1, 40, 500, 10_000, Duration.ofSeconds(60),
                List.of(KILL9, LOST_CREATE_ANSWERS), Duration.ZERO, CLAIM));
        trials.add(new TrialSpec("kill9-storm", 1, 20, 300, 500, Duration.ofSeconds(30),
                List.of(KILL9_BETWEEN_POST_AND_WRITE, RATE_LIMIT_STORM_RETRY_AFTER, LOST_CREATE_ANSWERS, SLOW_ANSWERS),
                Duration.ZERO, CLAIM));
        trials.add(new TrialSpec("replicas-budget", 3, 4, 80, 250, Duration.ofSeconds(20),
                List.of(KILL9, FREEZE_LEADER, RATE_LIMIT_STORM_NO_RETRY_AFTER), Duration.ZERO, CLAIM));
        trials.add(new TrialSpec("infrastructure", 1, 20, 200, 250, Duration.ofSeconds(30),
                List.of(POSTGRES_RESTART, KAFKA_RESTART, INCS_OUTAGE, GATEWAY_PAGES), Duration.ofSeconds(60), CLAIM));
        return trials;
    }
}
