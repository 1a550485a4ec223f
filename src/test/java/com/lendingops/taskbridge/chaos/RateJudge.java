package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.simulator.SimulatorCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared rate budget as incs would judge it: calls that arrived at the gateway (forwarded or answered by it)
 * within any sliding second. Every arrival that is the (R+1)-th within one second is one violation.
 * <p>
 * Where arrivals broke the budget, the bridge's own account tells where they bunched: the replicas log the instant
 * of each request they wrote (category {@code com.lendingops.taskbridge.incs.writes} at DEBUG), so a trial can say
 * whether the bridge wrote more than R in a second or the calls bunched between its writes and the gateway.
 */
final class RateJudge {

    private static final long ONE_SECOND = 1_000_000_000L;
    private static final Pattern WRITTEN = Pattern.compile("incs \\S+ written at (\\S+), ");

    private RateJudge() {
    }

    static void judge(TrialResult result, List<Long> arrivals, int ratePerSecond) {
        long[] times = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int best = SimulatorCounters.maxInAnySecond(times);
        result.maxPerSecondAtGateway = best;
        if (ratePerSecond <= 0) {
            return;
        }
        int violations = 0;
        for (int i = ratePerSecond; i < times.length; i++) {
            if (times[i] - times[i - ratePerSecond] < ONE_SECOND) {
                violations++;
            }
        }
        result.budgetViolations = violations;
        if (violations > 0) {
            result.violation(violations + " call(s) beyond " + ratePerSecond + " in one second (at most " + best
                    + " calls within a second)");
        }
    }

    /** Adds what the replicas' logs say they wrote: how many requests at most within one second, in all. */
    static void judgeWrites(TrialResult result, Path replicaLogs) {
        List<Instant> writes = writesLogged(replicaLogs);
        long[] nanos = writes.stream().mapToLong(w -> w.getEpochSecond() * ONE_SECOND + w.getNano()).toArray();
        result.maxPerSecondWritten = SimulatorCounters.maxInAnySecond(nanos);
        result.notes.add(String.format(Locale.ROOT, "rate: the replicas wrote %d incs requests, at most %d within one "
                + "second (their debug log); the gateway saw at most %d, incs %d", writes.size(),
                result.maxPerSecondWritten, result.maxPerSecondAtGateway, result.maxPerSecondAtSimulator));
    }

    /** The write instants in every log under {@code directory}, in no particular order. */
    static List<Instant> writesLogged(Path directory) {
        List<Instant> writes = new ArrayList<>();
        try (Stream<Path> logs = Files.list(directory)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) { // ASCII is all it needs
                    lines.map(WRITTEN::matcher).filter(Matcher::find).forEach(m -> writes.add(Instant.parse(m.group(1))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writes;
    }
}
