package com.lendingops.taskbridge.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos and hostile-input suite (bench/chaos.sh, issue 11): trials of the packaged bridge as separate
 * processes against a real Kafka broker, a real PostgreSQL and the incs simulator, each with a seed that replays
 * its feed and fault schedule, judged from outside by {@link InvariantChecker}. Not a JUnit test (nothing in
 * {@code ./mvnw verify} runs it); exits 1 when an invariant broke.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(ChaosOptions.USAGE);
            return;
        }
        ChaosOptions options = ChaosOptions.parse(args);
        PrintStream out = System.out;
        List<TrialSpec> catalog = options.full() ? TrialCatalog.fullRun() : TrialCatalog.shortRun();
        List<TrialSpec> trials = new ArrayList<>(catalog);
        long firstSeed = options.seed().orElseGet(() -> (long) new SecureRandom().nextInt(1_000_000));
        if (options.trial().isPresent()) {
            trials.removeIf(t -> !t.name().equals(options.trial().get()));
            if (trials.isEmpty()) {
                throw new IllegalArgumentException("no trial named " + options.trial().get());
            }
        }
        out.printf("chaos: %s run, first seed %d (replay: bench/chaos.sh %s%s--seed %d)%n",
                options.full() ? "full" : "short", firstSeed, options.full() ? "--full " : "",
                options.trial().map(t -> "--trial " + t + " ").orElse(""), firstSeed);
        List<TrialResult> results = new ArrayList<>();
        int failed = 0;
        try (ChaosWorld world = ChaosWorld.start()) {
            TrialRunner runner = new TrialRunner(world, options, out);
            for (int i = 0; i < trials.size(); i++) {
                TrialSpec spec = trials.get(i);
                // a trial's seed and its place in the catalog decide its feed and schedule, so --trial replays it
                int number = catalog.indexOf(spec);
                long seed = options.trial().isPresent() ? firstSeed : firstSeed + number;
                TrialResult result;
                try {
                    result = runner.run(spec, seed, number);
                } catch (Exception e) {
                    result = new TrialResult(spec.name(), seed);
                    result.violation("the trial could not run: " + e);
                    e.printStackTrace(out);
                }
                results.add(result);
                report(out, result);
                failed += result.passed() ? 0 : 1;
            }
        }
        String table = ReliabilityTable.render(results);
        out.println();
        out.print(table);
        Path file = Path.of("target", "chaos", "last-run.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            out.println("could not write " + file + ": " + e);
        }
        out.printf("chaos: %d passed, %d failed%n", results.size() - failed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void report(PrintStream out, TrialResult r) {
        out.printf("-- %s (seed %d): %s in %.0fs; valid %d (created %d), hostile %d (dead-lettered %d, answered %d, "
                        + "skipped %d), duplicate tasks %d, lost %d, reordered %d, budget violations %d (max %d/s at "
                        + "gateway, %d/s at incs), lag %d, recovery: %s%n", r.trial, r.seed,
                r.passed() ? "PASS" : "FAIL", r.seconds, r.valid, r.created, r.hostile, r.deadLettered,
                r.rejectedHostile + r.createdHostile, r.skippedHostile, r.duplicateTasks, r.lost, r.reordered,
                r.budgetViolations, r.maxPerSecondAtGateway, r.maxPerSecondAtSimulator, r.lag, r.recovery);
        r.notes.stream().limit(10).forEach(n -> out.println("   note: " + n));
        r.violations.stream().limit(25).forEach(v -> out.println("   VIOLATION: " + v));
        if (r.violations.size() > 25) {
            out.println("   ... and " + (r.violations.size() - 25) + " more violations");
        }
    }
}
