package com.lendingops.taskbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncCycleTableTest {

    private static final String NAME = BridgeMetrics.CHANGE_TO_PUBLISHED;
    private static final String BEFORE = NAME + "_bucket{le=\"1.0\"} 0.0\n" + NAME + "_bucket{le=\"5.0\"} 0.0\n"
            + NAME + "_bucket{le=\"+Inf\"} 0.0\n";
    private static final String AFTER = NAME + "_bucket{le=\"1.0\"} 0.0\n" + NAME + "_bucket{le=\"5.0\"} 10.0\n"
            + NAME + "_bucket{le=\"+Inf\"} 10.0\n";

    @Test
    void printsChangeToPublishedQuantilesPerCycleAndOverAllCyclesWithWhatTheyInclude() {
        PrometheusHistogram changes = PrometheusHistogram.between(BEFORE, AFTER, NAME);
        SyncCycleTable.Row row = new SyncCycleTable.Row(1000, 1, 2.0, 13, 14, 10, 0.08, 5.0, 250 * 1024, changes);

        String printed = print(List.of(row), List.of(new SyncCycleTable.AllCycles(1000, 3, 10, changes, 8)));

        List<String> rows = printed.lines().filter(line -> line.startsWith("|")).toList();
        assertThat(rows.get(0)).contains("change→published p50 / p95 / p99 (ms)");
        // 10 changes in (1 s, 5 s]: p50 halfway, p95 and p99 near the top of the bucket
        assertThat(rows.get(2)).endsWith("| 3000 / 4800 / 4960 |");
        assertThat(rows).allSatisfy(line -> assertThat(line.chars().filter(c -> c == '|').count()).isEqualTo(12));
        assertThat(printed).contains("1000 tasks, the 3 measured cycles together: p50 / p95 / p99 = 3000 / 4800 / 4960 ms")
                .contains("next scheduled cycle (interval 8 s at 1000 tasks)")
                .contains("not the production expectation with the 30 s default interval");
    }

    @Test
    void aCycleWhoseEventsWereNotAllCountedSaysHowManyWere() {
        SyncCycleTable.Row row = new SyncCycleTable.Row(1000, 1, 2.0, 13, 14, 12, 0.08, 5.0, 250 * 1024,
                PrometheusHistogram.between(BEFORE, AFTER, NAME));

        assertThat(print(List.of(row), List.of())).contains("| 3000 / 4800 / 4960 (10 of 12) |");
    }

    private static String print(List<SyncCycleTable.Row> rows, List<SyncCycleTable.AllCycles> sizes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyncCycleTable.print(rows, sizes, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
