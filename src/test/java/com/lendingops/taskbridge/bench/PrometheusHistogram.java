package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One histogram of the bridge's /q/metrics in the Prometheus text format: the {@code <name>_bucket{...,le="..."}}
 * lines, summed over every other label set (optionally only those with the given label values), as cumulative
 * counts by upper bound. The benchmarks scrape before and after their measured phase and subtract, so the figures
 * are those of the phase only, read from the bridge's own histograms (what a dashboard shows) rather than from
 * timings of the harness. Quantiles are interpolated linearly within their bucket, as Prometheus'
 * {@code histogram_quantile} does.
 */
final class PrometheusHistogram {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Cumulative count by upper bound in seconds; +Inf is {@link Double#POSITIVE_INFINITY}. */
    private final TreeMap<Double, Double> cumulative;

    private PrometheusHistogram(TreeMap<Double, Double> cumulative) {
        this.cumulative = cumulative;
    }

    /** Histogram {@code name} of a scrape, summed over all its label sets. */
    static PrometheusHistogram parse(String prometheusText, String name) {
        return parse(prometheusText, name, Map.of());
    }

    /** Histogram {@code name} of a scrape, summed over the label sets that carry every label of {@code selector}. */
    static PrometheusHistogram parse(String prometheusText, String name, Map<String, String> selector) {
        Pattern bucketLine = Pattern.compile("^" + Pattern.quote(name) + "_bucket\\{([^}]*)}\\s+(\\S+)");
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher bucket = bucketLine.matcher(line);
            if (!bucket.find()) {
                continue;
            }
            Map<String, String> labels = labels(bucket.group(1));
            String le = labels.get("le");
            if (le != null && labels.entrySet().containsAll(selector.entrySet())) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
            }
        }
        return new PrometheusHistogram(buckets);
    }

    /** What histogram {@code name} recorded between two scrapes of the same process. */
    static PrometheusHistogram between(String earlier, String later, String name) {
        return between(earlier, later, name, Map.of());
    }

    /** What histogram {@code name}, only the label sets matching {@code selector}, recorded between two scrapes. */
    static PrometheusHistogram between(String earlier, String later, String name, Map<String, String> selector) {
        return parse(later, name, selector).since(parse(earlier, name, selector));
    }

    /** Nothing recorded (a scrape failed): every quantile is "n/a". */
    static PrometheusHistogram empty() {
        return new PrometheusHistogram(new TreeMap<>());
    }

    /** What was recorded after {@code earlier} was scraped. */
    PrometheusHistogram since(PrometheusHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        cumulative.forEach((bound, count) -> delta.put(bound, count - earlier.cumulative.getOrDefault(bound, 0.0)));
        return new PrometheusHistogram(delta);
    }

    /** Observations: the +Inf bucket (0 when the scrape had no buckets). */
    long count() {
        return cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue());
    }

    /** The {@code q}-quantile (0..1); empty when nothing was recorded or it falls in the +Inf bucket. */
    Optional<Duration> quantile(double q) {
        double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        if (total <= 0) {
            return Optional.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return Optional.empty();
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                double seconds = lowerBound + (bucket.getKey() - lowerBound) * fraction;
                return Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)));
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return Optional.empty();
    }

    /**
     * The {@code q}-quantile in whole milliseconds for a table: "n/a" when nothing was recorded, "&gt; N" when it
     * falls in the +Inf bucket (where Prometheus would print the highest finite bound N as if it were the value).
     */
    String millis(double q) {
        Optional<Duration> value = quantile(q);
        if (value.isPresent()) {
            return String.format(Locale.ROOT, "%.0f", value.get().toNanos() / 1e6);
        }
        if (count() == 0) {
            return "n/a";
        }
        double highestFinite = Optional.ofNullable(cumulative.lowerKey(Double.POSITIVE_INFINITY)).orElse(0.0);
        return String.format(Locale.ROOT, "> %.0f", highestFinite * 1000);
    }

    private static Map<String, String> labels(String labelText) {
        Map<String, String> labels = new HashMap<>();
        Matcher label = LABEL.matcher(labelText);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }
}
