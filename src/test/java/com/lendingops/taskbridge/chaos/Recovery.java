package com.lendingops.taskbridge.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time to recover after each fault: from the moment the fault ended (the replica restarted, the database or
 * broker answered again, incs came back) to the next record the bridge wrote to its output or dead-letter topic,
 * i.e. until work visibly flowed again. "-" when nothing was written after the fault (no work was left).
 */
final class Recovery {

    private Recovery() {
    }

    static String describe(List<FaultExecutor.Applied> applied, List<TopicWatcher.Seen> seen) {
        List<String> parts = new ArrayList<>();
        for (FaultExecutor.Applied a : applied) {
            long next = seen.stream().mapToLong(TopicWatcher.Seen::seenNanos).filter(t -> t >= a.endedNanos()).min()
                    .orElse(-1);
            String name = a.fault().describe().replaceAll("@.*", "");
            parts.add(next < 0 ? name + " -" : String.format(Locale.ROOT, "%s %.1fs", name,
                    (next - a.endedNanos()) / 1e9));
        }
        return String.join(", ", parts);
    }
}
