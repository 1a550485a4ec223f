package com.lendingops.taskbridge.bench;

import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * End-to-end ingest throughput of the packaged bridge, side by side in one run (bench/ingest-throughput.sh):
 * a real in-JVM Kafka broker and PostgreSQL shared by every scenario, and per scenario a fresh database, fresh
 * topics, an incs simulator answering after a fixed latency, and the bridge as a child process. Scenarios:
 * (a) one incs call at a time, (b) INCS_MAX_IN_FLIGHT concurrent calls, (c) the same under a rate budget.
 * A benchmark, not a test: it asserts nothing and is not named to be picked up by surefire or failsafe.
 * Prints a markdown table; only the ratios between scenarios are meaningful on a shared machine.
 */
public final class IngestThroughputBenchmark {

    private IngestThroughputBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        List<ScenarioResult> results = run(options, System.out);
        System.out.println();
        System.out.println(ResultTable.render(results, options));
        System.exit(results.size() == options.scenarios().size() ? 0 : 1);
    }

    static List<ScenarioResult> run(BenchmarkOptions options, PrintStream out) {
        out.printf(Locale.ROOT, "Ingest throughput: %d events per scenario (+%d warm-up), incs latency %d ms, "
                        + "%d input partitions, %d cores%n", options.events(), options.warmupEvents(),
                options.latency().toMillis(), options.partitions(), Runtime.getRuntime().availableProcessors());
        options.scenarios().stream().filter(s -> options.eventsFor(s) != options.events()
                        || options.warmupFor(s) != options.warmupEvents())
                .forEach(s -> out.printf(Locale.ROOT, "(%s) paced: %d events (+%d warm-up)%n", s.key(),
                        options.eventsFor(s), options.warmupFor(s)));
        out.println("Bridge JVM options: " + String.join(" ", ScenarioRunner.BRIDGE_JVM) + "; incs sync job off");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        List<ScenarioResult> results = new ArrayList<>();
        try (KafkaBroker broker = new KafkaBroker().start(); TestPostgres postgres = TestPostgres.resolve()) {
            out.printf("PostgreSQL: %s (%s)%n", postgres.mode(), postgres.jdbcUrl());
            ScenarioRunner runner = new ScenarioRunner(broker, postgres, options, runId, out);
            List<Scenario> scenarios = options.scenarios();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                try {
                    ScenarioResult result = runner.run(scenario, i);
                    out.printf(Locale.ROOT, "(%s) %d/%d created in %.1f s: %.1f events/s%n", scenario.key(),
                            result.created(), result.events(), result.elapsed().toNanos() / 1e9,
                            result.eventsPerSecond());
                    results.add(result);
                } catch (RuntimeException e) {
                    // one failed scenario must not hide the others' numbers
                    out.printf("(%s) FAILED: %s (see target/bench/bridge-%s.log)%n", scenario.key(), e, scenario.key());
                }
            }
        }
        return results;
    }
}
