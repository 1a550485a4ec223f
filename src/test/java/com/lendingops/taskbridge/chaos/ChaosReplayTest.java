package com.lendingops.taskbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.ParsedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The suite's promise that a seed replays a trial, and that its hostile records are what they claim to be. */
class ChaosReplayTest {

    private static final TrialSpec SPEC = TrialCatalog.shortRun().get(0);

    @Test
    void theSameSeedDrawsTheSameRecordsAndFaultSchedule() {
        assertThat(draw(42)).isEqualTo(draw(42));
        assertThat(draw(42)).isNotEqualTo(draw(43));
    }

    @Test
    void everyHostileCategoryAppearsAndNoHostileRecordSharesAnEventIdWithAValidOne() {
        Random random = new Random(7);
        List<ChaosRecord> valid = ValidEvents.generate(random, 200, 6_281_300_000_000L, "t");
        List<ChaosRecord> hostile = new HostileRecords(random, 6_281_900_000_000L, "t").generate(1_000);
        EventParser parser = new EventParser();

        assertThat(hostile).extracting(ChaosRecord::category).contains("byte-flip", "truncated", "type-swap",
                "missing-field", "duplicated-field", "control-char", "number-out-of-range", "deep-nesting",
                "invalid-utf8", "empty", "tombstone", "not-json", "near-limit");
        List<String> validIds = valid.stream().map(ChaosRecord::eventId).toList();
        assertThat(valid).allSatisfy(r -> assertThat(parser.parse(r.value())).isInstanceOf(ParsedRecord.Requested.class));
        assertThat(hostile).allSatisfy(r -> {
            if (parser.parse(r.value()) instanceof ParsedRecord.Requested requested) {
                assertThat(validIds).doesNotContain(requested.event().eventId());
            }
        });
    }

    @Test
    void controlCharactersVisitEveryStringField() {
        List<ChaosRecord> hostile = new HostileRecords(new Random(3), 6_281_900_000_000L, "t").generate(2_000);
        EventParser parser = new EventParser();

        assertThat(hostile.stream().filter(r -> r.category().equals("control-char"))
                .filter(r -> parser.parse(r.value()) instanceof ParsedRecord.Requested)).isEmpty();
    }

    private static String draw(long seed) {
        Random random = new Random(seed);
        StringBuilder drawn = new StringBuilder();
        ValidEvents.generate(random, 20, 6_281_300_000_000L, "t").forEach(r -> drawn.append(new String(r.value())));
        new HostileRecords(random, 6_281_900_000_000L, "t").generate(50)
                .forEach(r -> drawn.append(r.category()).append(r.value() == null ? "null" : new String(r.value())));
        FaultPlan.draw(SPEC, random).forEach(f -> drawn.append(f.describe()));
        assertThat(SPEC.feedWindow()).isGreaterThan(Duration.ZERO);
        return drawn.toString();
    }
}
