package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Slot spacing: floor(R) intervals always span more than one second, by the headroom. */
class RateBudgetSpacingTest {

    @Test
    void integerRateSpacesSlotsSoThatRIntervalsExceedOneSecond() {
        double spacing = RateBudget.spacing(5, 0.1);

        assertThat(spacing * 5).isGreaterThan(1.0);
        assertThat(RateBudget.slackSeconds(5, spacing)).isCloseTo(1 / 0.9 - 1, within(1e-9));
    }

    @Test
    void fractionalRateAllowsOnlyTheWholeCallsPerSecond() {
        double spacing = RateBudget.spacing(2.5, 0);

        assertThat(spacing).isEqualTo(0.5);
    }

    @Test
    void rateBelowOneMeansOneCallPerPeriod() {
        assertThat(RateBudget.spacing(0.5, 0)).isEqualTo(2.0);
    }

    @Test
    void zeroMeansUnlimitedAndHeadroomIsBounded() {
        assertThat(RateBudget.spacing(0, 0.1)).isZero();
        assertThat(RateBudget.spacing(10, 0.9)).isEqualTo(RateBudget.spacing(10, 0.5));
    }
}
