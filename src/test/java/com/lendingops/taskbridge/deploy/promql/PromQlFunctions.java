package com.lendingops.taskbridge.deploy.promql;

import static com.lendingops.taskbridge.deploy.promql.ValueType.INSTANT_VECTOR;
import static com.lendingops.taskbridge.deploy.promql.ValueType.RANGE_VECTOR;
import static com.lendingops.taskbridge.deploy.promql.ValueType.SCALAR;
import static com.lendingops.taskbridge.deploy.promql.ValueType.STRING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PromQL functions and aggregation operators with their argument types (Prometheus 2.x/3.x stable set), so a
 * call with the wrong kind or number of arguments fails here as it would in Prometheus.
 */
final class PromQlFunctions {

    /** Argument types; the last {@code optional} of them may be left out; {@code variadic} repeats the last. */
    record Signature(List<ValueType> args, int optional, boolean variadic, ValueType returns) {

        int minArgs() {
            return args.size() - optional;
        }
    }

    /** Aggregations that take a parameter before the vector, and its type. */
    static final Map<String, ValueType> AGGREGATION_PARAMETER = Map.of("topk", SCALAR, "bottomk", SCALAR,
            "quantile", SCALAR, "count_values", STRING, "limitk", SCALAR, "limit_ratio", SCALAR);

    static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "min", "max", "count", "group", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio");

    private static final Map<String, Signature> FUNCTIONS = new HashMap<>();

    static {
        for (String f : List.of("abs", "ceil", "exp", "floor", "ln", "log2", "log10", "sqrt", "sgn", "sort",
                "sort_desc", "timestamp", "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev",
                "histogram_stdvar", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh",
                "tan", "tanh", "deg", "rad", "absent")) {
            FUNCTIONS.put(f, new Signature(List.of(INSTANT_VECTOR), 0, false, INSTANT_VECTOR));
        }
        for (String f : List.of("rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets",
                "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
                "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time", "absent_over_time",
                "mad_over_time")) {
            FUNCTIONS.put(f, new Signature(List.of(RANGE_VECTOR), 0, false, INSTANT_VECTOR));
        }
        for (String f : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            FUNCTIONS.put(f, new Signature(List.of(INSTANT_VECTOR), 1, false, INSTANT_VECTOR));
        }
        FUNCTIONS.put("round", new Signature(List.of(INSTANT_VECTOR, SCALAR), 1, false, INSTANT_VECTOR));
        FUNCTIONS.put("clamp", new Signature(List.of(INSTANT_VECTOR, SCALAR, SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("clamp_min", new Signature(List.of(INSTANT_VECTOR, SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("clamp_max", new Signature(List.of(INSTANT_VECTOR, SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("histogram_quantile", new Signature(List.of(SCALAR, INSTANT_VECTOR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("histogram_fraction",
                new Signature(List.of(SCALAR, SCALAR, INSTANT_VECTOR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("quantile_over_time", new Signature(List.of(SCALAR, RANGE_VECTOR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("predict_linear", new Signature(List.of(RANGE_VECTOR, SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("holt_winters", new Signature(List.of(RANGE_VECTOR, SCALAR, SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("double_exponential_smoothing",
                new Signature(List.of(RANGE_VECTOR, SCALAR, SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("label_replace", new Signature(List.of(INSTANT_VECTOR, STRING, STRING, STRING, STRING), 0,
                false, INSTANT_VECTOR));
        FUNCTIONS.put("label_join",
                new Signature(List.of(INSTANT_VECTOR, STRING, STRING, STRING), 1, true, INSTANT_VECTOR));
        FUNCTIONS.put("sort_by_label", new Signature(List.of(INSTANT_VECTOR, STRING), 1, true, INSTANT_VECTOR));
        FUNCTIONS.put("sort_by_label_desc", new Signature(List.of(INSTANT_VECTOR, STRING), 1, true, INSTANT_VECTOR));
        FUNCTIONS.put("scalar", new Signature(List.of(INSTANT_VECTOR), 0, false, SCALAR));
        FUNCTIONS.put("vector", new Signature(List.of(SCALAR), 0, false, INSTANT_VECTOR));
        FUNCTIONS.put("time", new Signature(List.of(), 0, false, SCALAR));
        FUNCTIONS.put("pi", new Signature(List.of(), 0, false, SCALAR));
    }

    private PromQlFunctions() {
    }

    static Optional<Signature> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    static boolean isAggregation(String name) {
        return AGGREGATIONS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
