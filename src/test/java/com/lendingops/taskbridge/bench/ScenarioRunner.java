package com.lendingops.taskbridge.bench;

import com.lendingops.taskbridge.simulator.FaultSettings;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import com.lendingops.taskbridge.simulator.SimulatorConfig;
import com.lendingops.taskbridge.testsupport.BridgeProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one scenario from scratch: its own database, topics and simulator (fixed latency), the packaged bridge
 * started with the scenario's settings, a warm-up that is awaited but not measured, then the measured burst:
 * the clock starts before the first event is produced and stops when the database holds every request as
 * created. Everything the scenario started is stopped before the next one begins.
 */
final class ScenarioRunner {

    private static final Path LOG_DIR = Path.of("target", "bench");
    private static final Duration POLL = Duration.ofMillis(50);
    /** PostgreSQL publishes each backend's transaction counts within about a second. */
    private static final Duration STATS_FLUSH = Duration.ofMillis(2500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /**
     * Full tiered JIT and the parallel collector, closer to the container image than the local stack's
     * quick-start flags (C1 only): a throughput figure should not be capped by a demo setting.
     */
    static final List<String> BRIDGE_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseParallelGC");
    /**
     * Extra JVM options for the bridge, e.g. {@code -Dbench.bridge.jvm-options=-XX:StartFlightRecording=...} to
     * profile it under the benchmark (bench/ingest-throughput.sh passes BENCH_BRIDGE_JVM_OPTIONS through).
     */
    static final String EXTRA_JVM_PROPERTY = "bench.bridge.jvm-options";

    private final KafkaBroker broker;
    private final TestPostgres postgres;
    private final BenchmarkOptions options;
    private final String runId;
    private final PrintStream out;

    ScenarioRunner(KafkaBroker broker, TestPostgres postgres, BenchmarkOptions options, String runId,
                   PrintStream out) {
        this.broker = broker;
        this.postgres = postgres;
        this.options = options;
        this.runId = runId;
        this.out = out;
    }

    ScenarioResult run(Scenario scenario, int block) {
        String name = "bench_" + runId + "_" + scenario.key();
        ScenarioTopics topics = ScenarioTopics.create(broker, name.replace('_', '-'), options.partitions());
        BenchEvents events = new BenchEvents(runId + scenario.key(), block);
        int warmup = options.warmupEvents();
        try (ScenarioDatabase database = ScenarioDatabase.create(postgres, name);
                IncsSimulator simulator = IncsSimulator.start(simulatorConfig());
                EventPublisher publisher = new EventPublisher(broker.bootstrapServers());
                BridgeProcess bridge = startBridge(scenario, topics, database, simulator)) {
            out.printf("(%s) PostgreSQL fsync=%s%n", scenario.key(), database.fsync());
            publisher.publish(topics.input(), events.range(0, warmup));
            if (awaitCreated(database, warmup, scenario, options.scenarioTimeout()) < warmup) {
                throw new IllegalStateException("the warm-up events were not all created:\n" + bridge.logTail(20));
            }
            return measure(scenario, topics, events, database, simulator, publisher, bridge);
        }
    }

    private ScenarioResult measure(Scenario scenario, ScenarioTopics topics, BenchEvents events,
                                   ScenarioDatabase database, IncsSimulator simulator, EventPublisher publisher,
                                   BridgeProcess bridge) {
        int warmup = options.warmupEvents();
        int n = options.events();
        CallLatencyHistogram latencyBefore = BridgeMetrics.scrapeCallLatency(bridge.baseUrl());
        int arrivalsBefore = simulator.counters().arrivalNanos(Route.CREATE).size();
        Optional<Duration> cpuBefore = bridge.handle().info().totalCpuDuration();
        Optional<MachineCpu.Sample> machineBefore = MachineCpu.sample();
        Optional<ProcessThreads.Sample> threadsBefore = ProcessThreads.sample(bridge.handle().pid());
        sleep(STATS_FLUSH);
        long ownBefore = database.ownQueries();
        long transactionsBefore = database.transactions();
        List<BenchEvents.BenchEvent> burst = events.range(warmup, warmup + n);

        long start = System.nanoTime();
        publisher.publish(topics.input(), burst);
        long created = awaitCreated(database, warmup + n, scenario, options.scenarioTimeout()) - warmup;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Optional<MachineCpu.Sample> machineAfter = MachineCpu.sample();
        Optional<Duration> cpuAfter = bridge.handle().info().totalCpuDuration();
        Optional<ProcessThreads.Sample> threadsAfter = ProcessThreads.sample(bridge.handle().pid());
        Optional<Double> rss = ProcessThreads.rssMegabytes(bridge.handle().pid());
        out.printf("(%s) busiest bridge threads: %s%n", scenario.key(),
                ProcessThreads.top(threadsBefore, threadsAfter, 6));
        sleep(STATS_FLUSH);
        long transactions = database.transactions() - transactionsBefore - (database.ownQueries() - ownBefore);
        CallLatencyHistogram latency = BridgeMetrics.scrapeCallLatency(bridge.baseUrl()).since(latencyBefore);
        List<Long> arrivals = simulator.counters().arrivalNanos(Route.CREATE);
        List<Long> measuredArrivals = arrivals.subList(Math.min(arrivalsBefore, arrivals.size()), arrivals.size());
        return new ScenarioResult(scenario, n, created, database.otherRequests(), elapsed, measuredArrivals.size(),
                PeakConcurrency.of(measuredArrivals, options.latency()),
                simulator.counters().maxRequestsInAnySecond(), latency.quantile(0.5), latency.quantile(0.99),
                cpuBefore.flatMap(before -> cpuAfter.map(after -> after.minus(before))),
                MachineCpu.between(machineBefore, machineAfter), ProcessThreads.busiest(threadsBefore, threadsAfter),
                transactionsBefore > 0 ? Optional.of(transactions) : Optional.empty(), rss);
    }

    private SimulatorConfig simulatorConfig() {
        return SimulatorConfig.builder().token(UUID.randomUUID().toString())
                .faults(FaultSettings.none().withLatency(options.latency())).build();
    }

    private BridgeProcess startBridge(Scenario scenario, ScenarioTopics topics, ScenarioDatabase database,
                                      IncsSimulator simulator) {
        Path log = LOG_DIR.resolve("bridge-" + scenario.key() + ".log");
        out.printf("(%s) starting the bridge: INCS_MAX_IN_FLIGHT=%d, INCS_RATE_LIMIT_PER_SECOND=%d (log %s)%n",
                scenario.key(), scenario.maxInFlight(), scenario.ratePerSecond(), log);
        List<String> jvm = new java.util.ArrayList<>(BRIDGE_JVM);
        String extra = System.getProperty(EXTRA_JVM_PROPERTY, "").replace("{scenario}", scenario.key());
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        BridgeProcess bridge = BridgeProcess.start(jvm, BridgeEnvironment.of(scenario, topics,
                broker.bootstrapServers(), database, postgres.username(), postgres.password(), simulator),
                FreePort.find(), log);
        try {
            bridge.awaitStarted(Duration.ofMinutes(3));
            return bridge;
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    /** Polls until {@code target} requests are created or {@code timeout} passed; returns the last count. */
    private long awaitCreated(ScenarioDatabase database, long target, Scenario scenario, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        long created = database.createdRequests();
        while (created < target && System.nanoTime() < deadline) {
            sleep(POLL);
            created = database.createdRequests();
            if (System.nanoTime() >= nextProgress) {
                out.printf("(%s) %d/%d created%n", scenario.key(), created, target);
                nextProgress += PROGRESS_EVERY.toNanos();
            }
        }
        return created;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
