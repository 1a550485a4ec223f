package com.lendingops.taskbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.simulator.SimulatorCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge's own account of its writes, read back from the replicas' logs, tells where calls bunched. */
class RateJudgeTest {

    @TempDir
    Path logs;

    @Test
    void readsEveryWriteFromJsonAndTextLogsOfEveryReplica() throws IOException {
        Files.writeString(logs.resolve("replica-0-1.log"), """
                {"timestamp":"2026-12-01T21:50:00.9","level":"DEBUG","message":"incs create written at 2026-12-01T21:50:00.100250Z, 812 us after its rate slot was due"}
                {"timestamp":"2026-12-01T21:50:01","level":"INFO","message":"incs list answered"}
                """);
        Files.writeString(logs.resolve("replica-1-1.log"),
                "21:50:00,600 DEBUG [com.len.tas.inc.writes] (vert.x-eventloop-thread-1) incs list written at "
                        + "2026-12-01T21:50:00.600Z, 40 us after its rate slot was due\n"
                        + "21:50:01,200 DEBUG [com.len.tas.inc.writes] (vert.x-eventloop-thread-1) incs lookup written at "
                        + "2026-12-01T21:50:01.200Z, 3 us after its rate slot was due\n");
        Files.writeString(logs.resolve("replica-1-1.txt"), "incs list written at 2026-12-01T21:50:00.700Z, 1 us");

        assertThat(RateJudge.writesLogged(logs)).containsExactlyInAnyOrder(
                Instant.parse("2026-12-01T21:50:00.100250Z"), Instant.parse("2026-12-01T21:50:00.600Z"),
                Instant.parse("2026-12-01T21:50:01.200Z"));
        TrialResult result = new TrialResult("t", 1);
        RateJudge.judgeWrites(result, logs);
        assertThat(result.maxPerSecondWritten).as("21:50:00.100 and .600, then .600 and 01.200").isEqualTo(2);
    }

    @Test
    void theMostInstantsWithinOneSecondCountAWindowShorterThanASecondOnly() {
        assertThat(SimulatorCounters.maxInAnySecond(new long[] {0, 500_000_000L, 999_999_999L, 1_000_000_000L}))
                .isEqualTo(3);
        assertThat(SimulatorCounters.maxInAnySecond(new long[0])).isZero();
    }
}
