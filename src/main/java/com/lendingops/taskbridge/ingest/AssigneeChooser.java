package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.AssignmentPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The assignment policy as a pure decision over what the database says about the agents; the
 * round-robin position is the only state, kept per replica (good enough to spread the work, no
 * coordination needed). Ties in least-active are broken by that same rotation, so a burst of events read
 * against the same counts does not pile onto one agent.
 */
public final class AssigneeChooser {

    private final AssignmentPolicy policy;
    private final List<String> candidates;
    private final AtomicLong turn = new AtomicLong();

    public AssigneeChooser(AssignmentPolicy policy, List<String> candidates) {
        this.policy = policy;
        this.candidates = List.copyOf(candidates);
    }

    public AssignmentPolicy policy() {
        return policy;
    }

    /** Whether {@link #choose} needs the open-work counts. */
    public boolean needsWorkload() {
        return policy == AssignmentPolicy.LEAST_ACTIVE || policy == AssignmentPolicy.STICKY;
    }

    /**
     * @param workload          open tasks plus pending requests per assignee (absent = none)
     * @param previousAssignee  assignee of this phone's latest task, for sticky
     * @return the assignee, or empty when no candidate is configured
     */
    public Optional<String> choose(Map<String, Long> workload, Optional<String> previousAssignee) {
        if (policy == AssignmentPolicy.STICKY && previousAssignee.isPresent()
                && (candidates.isEmpty() || candidates.contains(previousAssignee.get()))) {
            return previousAssignee;
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return switch (policy) {
            case FIXED -> Optional.of(candidates.get(0));
            case ROUND_ROBIN -> Optional.of(candidates.get(nextTurn()));
            case LEAST_ACTIVE, STICKY -> Optional.of(leastActive(workload));
        };
    }

    private String leastActive(Map<String, Long> workload) {
        int start = nextTurn();
        String best = null;
        long bestLoad = Long.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get((start + i) % candidates.size());
            long load = workload.getOrDefault(candidate, 0L);
            if (load < bestLoad) {
                best = candidate;
                bestLoad = load;
            }
        }
        return best;
    }

    private int nextTurn() {
        return (int) Math.floorMod(turn.getAndIncrement(), (long) candidates.size());
    }
}
