package com.lendingops.taskbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusHistogramTest {

    private static final String CALLS = "incs_api_calls_seconds";
    private static final Map<String, String> CREATE = Map.of("route", "create");
    private static final String FRESHNESS = "bridge_freshness_event_to_task_created_seconds";

    private static final String EARLIER = """
            # TYPE incs_api_calls_seconds histogram
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.05"} 10.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.1"} 10.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="+Inf"} 10.0
            incs_api_calls_seconds_bucket{outcome="ok",route="list",le="0.05"} 500.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.1"} 20.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.2"} 20.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.4"} 20.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="+Inf"} 20.0
            """;

    private static final String LATER = """
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.05"} 10.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.1"} 100.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="+Inf"} 110.0
            incs_api_calls_seconds_bucket{outcome="server_error",route="create",le="0.05"} 0.0
            incs_api_calls_seconds_bucket{outcome="server_error",route="create",le="0.1"} 10.0
            incs_api_calls_seconds_bucket{outcome="server_error",route="create",le="+Inf"} 10.0
            incs_api_calls_seconds_bucket{outcome="ok",route="list",le="0.05"} 900.0
            incs_api_calls_seconds_bucket{outcome="ok",route="list",le="+Inf"} 900.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.1"} 20.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.2"} 120.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="0.4"} 220.0
            bridge_freshness_event_to_task_created_seconds_bucket{le="+Inf"} 220.0
            bridge_freshness_event_to_task_created_seconds_count 220.0
            """;

    @Test
    void countsOnlyTheSelectedLabelSetsRecordedBetweenTwoScrapesSummedOverTheOtherLabels() {
        PrometheusHistogram measured = PrometheusHistogram.between(EARLIER, LATER, CALLS, CREATE);

        assertThat(measured.count()).isEqualTo(110);
        assertThat(PrometheusHistogram.between(EARLIER, LATER, CALLS).count()).isEqualTo(1010);
    }

    @Test
    void interpolatesTheMedianWithinItsBucket() {
        PrometheusHistogram measured = PrometheusHistogram.between(EARLIER, LATER, CALLS, CREATE);

        // 100 of the 110 calls lie in (0.05 s, 0.1 s]: rank 55 is 55 % of the way through that bucket
        assertThat(measured.quantile(0.5)).contains(Duration.ofNanos(77_500_000));
    }

    @Test
    void knownBucketsGiveKnownQuantilesInMilliseconds() {
        // 200 new observations: 100 in (0.1 s, 0.2 s], 100 in (0.2 s, 0.4 s]
        PrometheusHistogram measured = PrometheusHistogram.between(EARLIER, LATER, FRESHNESS);

        assertThat(measured.count()).isEqualTo(200);
        assertThat(measured.millis(0.25)).isEqualTo("150");
        assertThat(measured.millis(0.5)).isEqualTo("200");
        assertThat(measured.millis(0.99)).isEqualTo("396");
    }

    @Test
    void aQuantileInTheOpenEndedBucketIsShownAsAboveTheHighestFiniteBound() {
        PrometheusHistogram measured = PrometheusHistogram.between(EARLIER, LATER, CALLS, CREATE);

        assertThat(measured.quantile(0.99)).isEmpty();
        assertThat(measured.millis(0.99)).isEqualTo("> 100");
    }

    @Test
    void aHistogramWithoutObservationsHasNoQuantile() {
        PrometheusHistogram unchanged = PrometheusHistogram.between(LATER, LATER, FRESHNESS);

        assertThat(unchanged.count()).isZero();
        assertThat(unchanged.millis(0.5)).isEqualTo("n/a");
        assertThat(PrometheusHistogram.parse("", FRESHNESS).millis(0.5)).isEqualTo("n/a");
        assertThat(PrometheusHistogram.empty().quantile(0.5)).isEmpty();
    }

    @Test
    void aHistogramWhoseNameIsAPrefixOfAnotherIsReadAlone() {
        String scrape = """
                bridge_freshness_event_to_task_created_seconds_bucket{le="0.1"} 1.0
                bridge_freshness_event_to_task_created_seconds_bucket{le="+Inf"} 1.0
                bridge_freshness_event_to_task_created_seconds_max_bucket{le="0.1"} 7.0
                """;

        assertThat(PrometheusHistogram.parse(scrape, FRESHNESS).count()).isEqualTo(1);
    }
}
