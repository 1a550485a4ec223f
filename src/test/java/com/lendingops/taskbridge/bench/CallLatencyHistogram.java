package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bridge's incs create-call latency histogram ({@code incs_api_calls_seconds_bucket{route="create"}} on
 * /q/metrics, all outcomes), as cumulative counts by upper bound. Two scrapes are subtracted to keep only the
 * measured phase, and quantiles are read by linear interpolation within the bucket, as Prometheus'
 * {@code histogram_quantile} does. The timer covers sending and the answer only: waiting for an in-flight
 * permit or a rate-budget slot is not in it.
 */
final class CallLatencyHistogram {

    private static final Pattern BUCKET = Pattern.compile(
            "^incs_api_calls_seconds_bucket\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** Cumulative count by upper bound in seconds; +Inf is {@link Double#POSITIVE_INFINITY}. */
    private final TreeMap<Double, Double> cumulative;

    private CallLatencyHistogram(TreeMap<Double, Double> cumulative) {
        this.cumulative = cumulative;
    }

    /** Reads the create-call buckets of a Prometheus text scrape, summed over outcomes. */
    static CallLatencyHistogram parse(String prometheusText) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher bucket = BUCKET.matcher(line);
            if (!bucket.find() || !bucket.group(1).contains("route=\"create\"")) {
                continue;
            }
            Matcher le = LE.matcher(bucket.group(1));
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
            }
        }
        return new CallLatencyHistogram(buckets);
    }

    /** What was recorded after {@code earlier} was scraped. */
    CallLatencyHistogram since(CallLatencyHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        cumulative.forEach((bound, count) -> delta.put(bound, count - earlier.cumulative.getOrDefault(bound, 0.0)));
        return new CallLatencyHistogram(delta);
    }

    long count() {
        return cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue());
    }

    /** The {@code q}-quantile (0..1), empty when nothing was recorded or it falls in the +Inf bucket. */
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
}
