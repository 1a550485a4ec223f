package com.lendingops.taskbridge.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The sync benchmark's markdown table, one row per measured cycle, then change → published over all measured
 * cycles of each size (a cycle at 1,000 tasks has only about ten changes: too few for a p99 of its own) and the
 * legend of what that latency includes in this benchmark.
 */
final class SyncCycleTable {

    /** One measured cycle; {@code changeToPublished}: the bridge's histogram over this cycle's changes only. */
    record Row(int tasks, int cycle, double seconds, int calls, long bound, int events, double floorSeconds,
               double eventsPerSecond, long peakRssKb, PrometheusHistogram changeToPublished) {
    }

    /** change → published over every measured cycle of one size ({@code events}: the events of those cycles). */
    record AllCycles(int tasks, int cycles, int events, PrometheusHistogram changeToPublished, long intervalSeconds) {
    }

    private SyncCycleTable() {
    }

    static void print(List<Row> rows, List<AllCycles> sizes, PrintStream out) {
        out.println("| tasks | cycle | cycle time s | floor s (calls×L/8) | ratio | calls | bound | events "
                + "| events/s | bridge peak RSS MB | change→published p50 / p95 / p99 (ms) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %d | %d | %d | %.0f | %.0f | %s |%n", r.tasks(),
                    r.cycle(), r.seconds(), r.floorSeconds(), r.seconds() / r.floorSeconds(), r.calls(), r.bound(),
                    r.events(), r.eventsPerSecond(), r.peakRssKb() / 1024.0,
                    quantiles(r.changeToPublished(), r.events()));
        }
        out.println();
        for (AllCycles size : sizes) {
            out.printf(Locale.ROOT, "- change→published, %d tasks, the %d measured cycles together: p50 / p95 / p99 "
                            + "= %s ms (%d of their %d events counted)%n", size.tasks(), size.cycles(),
                    p50p95p99(size.changeToPublished()), size.changeToPublished().count(), size.events());
        }
        String intervals = String.join(", ", sizes.stream()
                .map(s -> s.intervalSeconds() + " s at " + s.tasks() + " tasks").toList());
        out.println("- change→published is the bridge's bridge_freshness_change_to_published_seconds (incs change "
                + "time, whole seconds, → event acknowledged by Kafka); here it includes the wait from the harness "
                + "making the change (right after the previous cycle's events were published) to the start of the "
                + "next scheduled cycle (interval " + intervals + "), so it is not the production expectation with "
                + "the 30 s default interval (docs/operations.md, Freshness)");
    }

    /** p50 / p95 / p99, and how many of the cycle's events were counted when that is not all of them. */
    private static String quantiles(PrometheusHistogram histogram, int events) {
        String quantiles = p50p95p99(histogram);
        return histogram.count() >= events ? quantiles : quantiles + " (" + histogram.count() + " of " + events + ")";
    }

    private static String p50p95p99(PrometheusHistogram histogram) {
        return histogram.millis(0.5) + " / " + histogram.millis(0.95) + " / " + histogram.millis(0.99);
    }
}
