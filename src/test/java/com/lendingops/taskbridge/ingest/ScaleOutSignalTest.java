package com.lendingops.taskbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Another replica helps only while intake runs, incs answers and the shared incs budget has room. */
class ScaleOutSignalTest {

    @Test
    void runningIntakeWithRoomInTheBudgetIsWorthScalingOut() {
        assertThat(ScaleOutSignal.useful(false, true, false)).isTrue();
    }

    @Test
    void pausedIntakeIsNeverWorthScalingOut() {
        assertThat(ScaleOutSignal.useful(true, true, false)).isFalse();
        assertThat(ScaleOutSignal.useful(true, false, false)).isFalse();
    }

    /** Token rejected or circuit open: the gate may not have paused yet, pods still could not help. */
    @Test
    void incsUnavailableIsNotWorthScalingOutEvenBeforeTheGatePauses() {
        assertThat(ScaleOutSignal.useful(false, false, false)).isFalse();
    }

    @Test
    void aSaturatedBudgetIsTheLimitSoMorePodsWouldOnlyQueue() {
        assertThat(ScaleOutSignal.useful(false, true, true)).isFalse();
        assertThat(ScaleOutSignal.useful(true, false, true)).isFalse();
    }
}
