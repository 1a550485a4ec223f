package com.lendingops.taskbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallLatencyHistogramTest {

    private static final String EARLIER = """
            # TYPE incs_api_calls_seconds histogram
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.05"} 10.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.1"} 10.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="+Inf"} 10.0
            incs_api_calls_seconds_bucket{outcome="ok",route="list",le="0.05"} 500.0
            """;

    private static final String LATER = """
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.05"} 10.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="0.1"} 100.0
            incs_api_calls_seconds_bucket{outcome="created",route="create",le="+Inf"} 110.0
            incs_api_calls_seconds_bucket{outcome="server_error",route="create",le="0.05"} 0.0
            incs_api_calls_seconds_bucket{outcome="server_error",route="create",le="0.1"} 10.0
            incs_api_calls_seconds_bucket{outcome="server_error",route="create",le="+Inf"} 10.0
            incs_api_calls_seconds_bucket{outcome="ok",route="list",le="0.05"} 900.0
            """;

    @Test
    void countsOnlyCreateCallsRecordedBetweenTwoScrapesOverEveryOutcome() {
        CallLatencyHistogram measured = CallLatencyHistogram.parse(LATER).since(CallLatencyHistogram.parse(EARLIER));

        assertThat(measured.count()).isEqualTo(110);
    }

    @Test
    void interpolatesTheMedianWithinItsBucket() {
        CallLatencyHistogram measured = CallLatencyHistogram.parse(LATER).since(CallLatencyHistogram.parse(EARLIER));

        // 100 of the 110 calls lie in (0.05 s, 0.1 s]: rank 55 is 55 % of the way through that bucket
        assertThat(measured.quantile(0.5)).contains(Duration.ofNanos(77_500_000));
    }

    @Test
    void reportsNoQuantileThatFallsInTheOpenEndedBucket() {
        CallLatencyHistogram measured = CallLatencyHistogram.parse(LATER).since(CallLatencyHistogram.parse(EARLIER));

        assertThat(measured.quantile(0.99)).isEmpty();
    }

    @Test
    void reportsNoQuantileWhenNothingWasRecorded() {
        assertThat(CallLatencyHistogram.parse("").quantile(0.5)).isEmpty();
    }
}
