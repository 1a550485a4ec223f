package com.lendingops.taskbridge.deploy.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The PromQL parser accepts what Prometheus accepts, refuses what it refuses, and finds the selected metrics. */
class PromQlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "up",
        "up{job=\"bridge\"}",
        "{__name__=\"up\", job!=\"\"}",
        "rate(incs_api_calls_seconds_count{outcome=~\"unavailable|unauthorized\", route!~\"probe\"}[5m])",
        "sum by (route) (rate(incs_api_calls_seconds_count[5m])) / ignoring(x) sum(rate(a_total[5m]))",
        "sum(rate(a_total[5m])) by (namespace, route,)",
        "sum without (pod) (a)",
        "histogram_quantile(0.95, sum by (le, route) (rate(incs_api_calls_seconds_bucket[5m])))",
        "max_over_time(outbox_lag_seconds[10m] offset 5m) > 300",
        "deriv(outbox_lag_seconds[15m]) > 0 and outbox_lag_seconds > 120",
        "a * on (namespace, pod) group_left (version) b",
        "a == bool b",
        "1 < bool 2",
        "-a ^ 2 + +3 % 2 - 1e3 * 0x1F / .5",
        "topk(3, sum by (route) (rate(x[1m])))",
        "quantile(0.9, a) unless b or c",
        "count_values(\"version\", build_info)",
        "absent(up{job=\"bridge\"}) == 1",
        "max_over_time(rate(a_total[5m])[1h:1m])",
        "min(a @ end())",
        "a offset -5m",
        "(a + b)",
        "time() - process_start_time_seconds",
        "clamp_min(increase(a_total[1h]), 0)",
        "label_replace(up, \"x\", \"$1\", \"instance\", \"(.*):\\\\d+\")",
        "label_join(up, \"dst\", \",\", \"a\", \"b\", \"c\")",
        "round(a, 0.5)",
        "sum(a) > Inf or vector(NaN)",
        "foo:bar:rate5m{job=\"x\"}",
        "sum by (on) (a)",
        "increase(a_total[1h30m]) # a comment",
    })
    void acceptsValidExpressions(String expression) {
        PromQl.parse(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "rate(a)",
        "rate(a[5m]",
        "sum(rate(a[5m])",
        "a[5]",
        "a[5m] + 1",
        "(a + b)[5m]",
        "a offset",
        "a offset 5",
        "1 offset 5m",
        "sum by (x (a)",
        "sum by x (a)",
        "sum(a) by (x) by (y)",
        "sum(a, b)",
        "topk(a)",
        "topk(\"3\", a)",
        "count_values(3, a)",
        "histogram_quantile(sum(rate(b[5m])))",
        "nofunction(a)",
        "a{job=\"x\"",
        "a{job=x}",
        "a{job==\"x\"}",
        "a{job=\"x\" env=\"y\"}",
        "{job=\"\"}",
        "{job=~\".*\"}",
        "{}",
        "a{__name__=\"b\"}",
        "a{job=~\"(unclosed\"}",
        "a{job=\"\\.\"}",
        "1 > 2",
        "a and 1",
        "a + on(x) group_left",
        "a + group_left(x) b",
        "a and on(x) group_left b",
        "a + bool b",
        "a +",
        "a b",
        "(a",
        "a)",
        "rate(a[5m]) > 5m",
        "\"unterminated",
        "by",
        "a $ b",
        "sum(a) offset 5m",
        "min(a) @ end()",
        "abs(a, b)",
        "time(a)",
    })
    void refusesInvalidExpressions(String expression) {
        assertThatThrownBy(() -> PromQl.parse(expression)).as(expression).isInstanceOf(PromQlException.class);
    }

    @Test
    void collectsEveryMetricNameFromNamesAndNameMatchers() {
        PromQl.Parsed parsed = PromQl.parse("sum(rate(a_total[5m])) / on() group_left max({__name__=\"b\", x=\"1\"})"
                + " or absent(c{job=\"j\"}) or {__name__=~\"d.*\"}");

        assertThat(parsed.metricNames()).containsExactlyInAnyOrder("a_total", "b", "c");
    }

    @Test
    void typesFollowPrometheus() {
        assertThat(PromQl.parse("a[5m]").type()).isEqualTo(ValueType.RANGE_VECTOR);
        assertThat(PromQl.parse("rate(a[5m])").type()).isEqualTo(ValueType.INSTANT_VECTOR);
        assertThat(PromQl.parse("scalar(a) * 2").type()).isEqualTo(ValueType.SCALAR);
        assertThat(PromQl.parse("1 + a").type()).isEqualTo(ValueType.INSTANT_VECTOR);
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> PromQl.parse("sum(rate(a[5m]) by (x)"))
                .hasMessageContaining("at character");
    }
}
