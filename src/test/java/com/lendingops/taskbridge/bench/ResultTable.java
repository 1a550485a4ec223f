package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results as a markdown table, followed by the ratios that matter (measured in the same run, they hold
 * even on a loaded machine where the absolute numbers do not) and the ceilings the configuration allows.
 */
final class ResultTable {

    private ResultTable() {
    }

    static String render(List<ScenarioResult> results, BenchmarkOptions options) {
        StringBuilder table = new StringBuilder("""
                | Scenario | INCS_MAX_IN_FLIGHT | INCS_RATE_LIMIT_PER_SECOND | Created | Time (s) | Events/s \
                | Ceiling (events/s) | Peak concurrent calls at incs | Max incs requests in any 1 s \
                | incs create call p50 / p99 (ms) | event→created at incs p50 / p99 (ms) \
                | event→created on Kafka p50 / p99 (ms) | Bridge CPU per event (ms) | Cores busy: machine / other jobs \
                | Throughput / ceiling | Busiest bridge thread: share of bridge CPU \
                | DB transactions per created event | Bridge RSS (MB) |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (ScenarioResult r : results) {
            Scenario s = r.scenario();
            List<String> cells = List.of(
                    "(" + s.key() + ") " + s.description(),
                    Integer.toString(s.maxInFlight()),
                    s.rateLabel(),
                    r.created() + "/" + r.events() + (r.complete() ? "" : " (timed out)")
                            + (r.notCreated() == 0 ? "" : " +" + r.notCreated() + " not created"),
                    String.format(Locale.ROOT, "%.1f", seconds(r.elapsed())),
                    String.format(Locale.ROOT, "%.1f", r.eventsPerSecond()),
                    String.format(Locale.ROOT, "%.0f", ceiling(s, options)),
                    Integer.toString(r.peakConcurrent()),
                    Integer.toString(r.maxInAnySecond()),
                    p50p99(r.createCalls()),
                    freshness(r.toTaskCreated(), r.created()),
                    freshness(r.toCreatedPublished(), r.created()),
                    r.cpuMillisPerEvent().map(ms -> String.format(Locale.ROOT, "%.2f", ms)).orElse("n/a"),
                    r.machineCpu().map(u -> String.format(Locale.ROOT, "%.1f / %.1f", u.machineCores(),
                            u.otherCores())).orElse("n/a"),
                    String.format(Locale.ROOT, "%.2f", r.eventsPerSecond() / ceiling(s, options)),
                    r.busiestThread().map(b -> String.format(Locale.ROOT, "%.0f %% (%s)", 100 * b.share(), b.name()))
                            .orElse("n/a"),
                    r.transactionsPerEvent().map(t -> String.format(Locale.ROOT, "%.2f", t)).orElse("n/a"),
                    r.rssMb().map(m -> String.format(Locale.ROOT, "%.0f", m)).orElse("n/a"));
            table.append("| ").append(String.join(" | ", cells)).append(" |").append(System.lineSeparator());
        }
        table.append(System.lineSeparator()).append(ratios(results));
        table.append("- event→created at incs / on Kafka: the bridge's freshness histograms over the measured phase, "
                + "from each event's consumption (time waiting in Kafka before it is not included)")
                .append(System.lineSeparator());
        return table.toString();
    }

    /** Events/s the configuration allows at best: K calls per latency, or the budget's slot spacing. */
    static double ceiling(Scenario scenario, BenchmarkOptions options) {
        double byConcurrency = scenario.maxInFlight() / (options.latency().toNanos() / 1e9);
        // the bridge spaces slots 1/(R*(1-headroom)) apart; headroom defaults to 10 %
        double byBudget = scenario.ratePerSecond() == 0 ? Double.MAX_VALUE : scenario.ratePerSecond() * 0.9;
        return Math.min(byConcurrency, byBudget);
    }

    private static String ratios(List<ScenarioResult> results) {
        StringBuilder text = new StringBuilder();
        Optional<ScenarioResult> a = find(results, "a");
        Optional<ScenarioResult> b = find(results, "b");
        Optional<ScenarioResult> c = find(results, "c");
        if (a.isPresent() && b.isPresent()) {
            text.append(String.format(Locale.ROOT, "- Throughput (b)/(a): **%.1f×** (%d in flight against 1)%n",
                    b.get().eventsPerSecond() / a.get().eventsPerSecond(), b.get().scenario().maxInFlight()));
        }
        c.ifPresent(r -> text.append(String.format(Locale.ROOT,
                "- (c) budget R = %d/s: %.1f events/s, at most %d incs requests in any second (never above R: %s)%n",
                r.scenario().ratePerSecond(), r.eventsPerSecond(), r.maxInAnySecond(),
                r.maxInAnySecond() <= r.scenario().ratePerSecond() ? "yes" : "NO")));
        return text.toString();
    }

    private static Optional<ScenarioResult> find(List<ScenarioResult> results, String key) {
        return results.stream().filter(r -> r.scenario().key().equals(key)).findFirst();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String p50p99(PrometheusHistogram histogram) {
        return histogram.millis(0.5) + " / " + histogram.millis(0.99);
    }

    /** p50 / p99, and how many of the created events the histogram counted when that is not all of them. */
    private static String freshness(PrometheusHistogram histogram, long created) {
        String quantiles = p50p99(histogram);
        return histogram.count() >= created ? quantiles : quantiles + " (" + histogram.count() + " of " + created + ")";
    }
}
