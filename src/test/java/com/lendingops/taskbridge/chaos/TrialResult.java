package com.lendingops.taskbridge.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What a trial found. {@code duplicateTasks}: incs tasks beyond one per valid event plus tasks no created event
 * names; {@code lost}: valid events without an outcome (or rejected/failed), hostile records neither dead-lettered
 * nor answered, task changes incs recorded but nobody published; {@code reordered}: changes published out of
 * incs' order or before the task's created event; {@code republished}: records repeated with the same ce_id
 * (allowed: delivery is at-least-once).
 */
final class TrialResult {

    final String trial;
    final long seed;
    String faults = "";
    int valid;
    int hostile;
    int created;
    int deadLettered;
    int rejectedHostile;
    int skippedHostile;
    int createdHostile;
    int taskChanges;
    int duplicateTasks;
    int lost;
    int reordered;
    int republished;
    int ceIdConflicts;
    int budgetViolations;
    int maxPerSecondAtGateway;
    int maxPerSecondAtSimulator;
    /** The most incs requests the replicas wrote within one second, by their own debug log. */
    int maxPerSecondWritten;
    int ratePerSecond;
    long lag = -1;
    String recovery = "";
    double seconds;
    final List<String> violations = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    TrialResult(String trial, long seed) {
        this.trial = trial;
        this.seed = seed;
    }

    void violation(String message) {
        violations.add(message);
    }

    boolean passed() {
        return violations.isEmpty();
    }
}
