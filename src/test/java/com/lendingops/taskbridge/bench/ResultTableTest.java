package com.lendingops.taskbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final String BEFORE = """
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.1"} 0.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.2"} 0.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="+Inf"} 0.0
            """;
    private static final String AFTER = """
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.1"} 0.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.2"} 10.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="+Inf"} 10.0
            """;

    @Test
    void everyRowHasAsManyCellsAsTheHeaderWithTheFreshnessQuantiles() {
        String table = ResultTable.render(List.of(result(10)), BenchmarkOptions.parse());

        List<String> lines = table.lines().filter(line -> line.startsWith("|")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> assertThat(cells(line)).isEqualTo(cells(lines.get(0))));
        assertThat(lines.get(0)).contains("event→created at incs p50 / p99 (ms)", "event→created on Kafka p50 / p99 (ms)");
        // 10 observations in (0.1 s, 0.2 s]: the median is halfway, the 99th percentile near the top
        assertThat(lines.get(2)).contains("| 150 / 199 |", "| n/a / n/a |");
    }

    @Test
    void aFreshnessCellNamesTheShortfallWhenTheHistogramCountedFewerEventsThanWereCreated() {
        String table = ResultTable.render(List.of(result(12)), BenchmarkOptions.parse());

        assertThat(table).contains("| 150 / 199 (10 of 12) |", "| n/a / n/a (0 of 12) |");
    }

    private static ScenarioResult result(long created) {
        PrometheusHistogram taskCreated = PrometheusHistogram.between(BEFORE, AFTER,
                BridgeMetrics.EVENT_TO_TASK_CREATED);
        return new ScenarioResult(new Scenario("b", "concurrent", 16, 0), (int) created, created, 0,
                Duration.ofSeconds(2), created, 16, 20, PrometheusHistogram.empty(), taskCreated,
                PrometheusHistogram.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static long cells(String line) {
        return line.chars().filter(c -> c == '|').count();
    }
}
