package com.lendingops.taskbridge.chaos;

import java.util.List;
import java.util.Locale;

/** The markdown table of a run, as docs/reliability.md publishes it. */
final class ReliabilityTable {

    private ReliabilityTable() {
    }

    static String render(List<TrialResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| trial | seed | faults (kind@start/duration) | valid | hostile (dead-lettered / answered / "
                + "skipped) | task changes | duplicate tasks | lost | reordered | ce_id re-sent / conflicts | budget: "
                + "max calls in 1 s (R) / violations | lag | time to recover | result |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TrialResult r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %s | %d (%d created) | %d (%d / %d / %d) | %d | %d | %d "
                            + "| %d | %d / %d | %d (%s) / %d | %d | %s | %s |%n", r.trial, r.seed, r.faults, r.valid,
                    r.created, r.hostile, r.deadLettered, r.rejectedHostile + r.createdHostile, r.skippedHostile,
                    r.taskChanges, r.duplicateTasks, r.lost, r.reordered, r.republished, r.ceIdConflicts,
                    r.maxPerSecondAtGateway, r.ratePerSecond == 0 ? "unlimited" : Integer.toString(r.ratePerSecond),
                    r.budgetViolations, r.lag, r.recovery, r.passed() ? "pass" : "**FAIL**"));
        }
        return table.toString();
    }
}
