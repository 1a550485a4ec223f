package com.lendingops.taskbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff noJitter = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.0);
    private final Backoff fullJitter = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.999);

    @Test
    void doublesWithEachConsecutiveFailure() {
        assertThat(noJitter.afterFailures(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.afterFailures(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.afterFailures(4, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void neverExceedsTheMaximumPlusJitter() {
        assertThat(noJitter.afterFailures(60, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
        assertThat(fullJitter.afterFailures(60, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(36));
    }

    @Test
    void addsUpToTheJitterFraction() {
        assertThat(fullJitter.afterFailures(3, Optional.empty()))
                .isGreaterThan(Duration.ofSeconds(4)).isLessThan(Duration.ofMillis(4800));
    }

    @Test
    void waitsAtLeastWhatRetryAfterAsks() {
        assertThat(noJitter.afterFailures(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(noJitter.afterFailures(5, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void growingDelayFollowsTheTimeAlreadyWaitedWithinBounds() {
        assertThat(noJitter.growing(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.growing(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(noJitter.growing(Duration.ofHours(3))).isEqualTo(Duration.ofSeconds(30));
    }
}
