package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link IngestThroughputBenchmark}.
 *
 * @param events          events measured per scenario (each a new case and a new phone)
 * @param warmupEvents    events sent and awaited before the clock starts (consumer joined, pools and JIT warm)
 * @param latency         fixed latency the simulator adds to every incs call, like a remote API
 * @param inFlight        INCS_MAX_IN_FLIGHT of the sequential and the concurrent scenario
 * @param rateLimit       INCS_RATE_LIMIT_PER_SECOND of the budget scenario; 0 skips that scenario
 * @param partitions      partitions of each scenario's input topic
 * @param scenarioTimeout how long a scenario may take to create every task before it is reported incomplete, and
 *                        then for the freshness histograms to count them all
 * @param pacedEvents     events measured in the paced scenarios (a) and (c), -1 for {@code events}
 * @param pacedWarmup     warm-up events of the paced scenarios, -1 for {@code warmupEvents}: (b) needs tens of
 *                        thousands to reach a JIT steady state, which (a) and (c) would take half an hour to send
 */
record BenchmarkOptions(int events, int warmupEvents, Duration latency, int inFlight, int rateLimit, int partitions,
                        Duration scenarioTimeout, String only, int pacedEvents, int pacedWarmup) {

    static final String USAGE = """
            Usage: bench/ingest-throughput.sh [options]
              --events N           events per scenario (default 1000)
              --warmup N           warm-up events per scenario, not measured (default 20)
              --latency-ms L       latency the incs simulator adds to each call (default 50)
              --in-flight K        INCS_MAX_IN_FLIGHT of scenario (b) (default 16; (a) always uses 1)
              --rate R             INCS_RATE_LIMIT_PER_SECOND of scenario (c); 0 skips it (default 20)
              --partitions P       partitions of the input topic (default 3)
              --timeout-s S        give up waiting for the creations after S seconds, and as long again for the
                                   freshness histograms to count them (default 300)
              --only KEYS          run only these scenarios, e.g. "b" or "ab" (default: all)
              --paced-events N     events measured in (a) and (c), which send a few a second (default: --events)
              --paced-warmup N     warm-up events of (a) and (c) (default: --warmup)
            """;

    static BenchmarkOptions parse(String... args) {
        int events = 1000;
        int warmup = 20;
        long latencyMs = 50;
        int inFlight = 16;
        int rate = 20;
        int partitions = 3;
        long timeout = 300;
        String only = "abc";
        int pacedEvents = -1;
        int pacedWarmup = -1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : missing(option);
            switch (option) {
                case "--events" -> events = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--latency-ms" -> latencyMs = Long.parseLong(value);
                case "--in-flight" -> inFlight = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--timeout-s" -> timeout = Long.parseLong(value);
                case "--only" -> only = value;
                case "--paced-events" -> pacedEvents = Integer.parseInt(value);
                case "--paced-warmup" -> pacedWarmup = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new BenchmarkOptions(events, warmup, Duration.ofMillis(latencyMs), inFlight, rate, partitions,
                Duration.ofSeconds(timeout), only, pacedEvents, pacedWarmup);
    }

    /** Events measured in {@code scenario}. */
    int eventsFor(Scenario scenario) {
        return scenario.paced() && pacedEvents >= 0 ? pacedEvents : events;
    }

    /** Warm-up events of {@code scenario}. */
    int warmupFor(Scenario scenario) {
        return scenario.paced() && pacedWarmup >= 0 ? pacedWarmup : warmupEvents;
    }

    /** (a) one call at a time, (b) the concurrent default, (c) the same under a rate budget when asked for. */
    List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario("a", "sequential (like an HTTP sink connector)", 1, 0),
                new Scenario("b", "concurrent", inFlight, 0)));
        if (rateLimit > 0) {
            scenarios.add(new Scenario("c", "concurrent, rate budget", inFlight, rateLimit));
        }
        return scenarios.stream().filter(s -> only.contains(s.key())).toList();
    }

    private static String missing(String option) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
}
