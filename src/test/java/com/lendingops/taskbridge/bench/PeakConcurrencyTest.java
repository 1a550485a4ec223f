package com.lendingops.taskbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakConcurrencyTest {

    private static final long MS = 1_000_000L;

    @Test
    void sequentialCallsSpacedByTheLatencyNeverOverlap() {
        List<Long> arrivals = List.of(0L, 50 * MS, 100 * MS, 150 * MS);

        assertThat(PeakConcurrency.of(arrivals, Duration.ofMillis(50))).isEqualTo(1);
    }

    @Test
    void countsCallsArrivingWithinOneLatencyAsOpenTogether() {
        List<Long> arrivals = List.of(200 * MS, 0L, 10 * MS, 20 * MS, 49 * MS, 120 * MS);

        assertThat(PeakConcurrency.of(arrivals, Duration.ofMillis(50))).isEqualTo(4);
    }

    @Test
    void isZeroWithoutCalls() {
        assertThat(PeakConcurrency.of(List.of(), Duration.ofMillis(50))).isZero();
    }
}
