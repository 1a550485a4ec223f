package com.lendingops.taskbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check that the bridge's counters agree with the topics (TrialRunner.judgeMetrics). */
class MetricsJudgeTest {

    @Test
    void recordsSentAgainAfterABrokerRestartAreNotCountedTwice() {
        // seen in CI (seed 690057, kafka-restart): 326 records, 3 of them repeats of a ce_id, 323 rows published
        TrialResult result = new TrialResult("infrastructure", 690057);
        result.republished = 3;

        TrialRunner.judgeMetrics(result, 323, 277, 326, 277, false);

        assertThat(result.passed()).as(String.join("; ", result.violations)).isTrue();
    }

    @Test
    void aCounterBehindTheDistinctRecordsIsAViolation() {
        TrialResult result = new TrialResult("infrastructure", 1);
        result.republished = 3;

        TrialRunner.judgeMetrics(result, 320, 277, 326, 277, false);

        assertThat(result.violations).singleElement().asString().contains("320 vs 323 distinct ce_ids");
    }

    @Test
    void deadLettersMustMatchToo() {
        TrialResult result = new TrialResult("infrastructure", 1);

        TrialRunner.judgeMetrics(result, 10, 5, 10, 6, false);

        assertThat(result.passed()).isFalse();
    }

    @Test
    void countersOfAKilledReplicaAreNotCompared() {
        TrialResult result = new TrialResult("kill9", 1);

        TrialRunner.judgeMetrics(result, 1, 0, 10, 6, true);

        assertThat(result.passed()).isTrue();
    }
}
