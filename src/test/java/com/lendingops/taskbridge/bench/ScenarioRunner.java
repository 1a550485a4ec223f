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
 * created. The bridge's histograms (incs create calls, the two ingest freshness latencies) are scraped before
 * the burst and, once both freshness histograms have counted every created event, after it. Everything the
 * scenario started is stopped before the next one begins.
 */
final class ScenarioRunner {

    private static final Path LOG_DIR = Path.of("target", "bench");
    /** PostgreSQL publishes each backend's transaction counts within about a second. */
    private static final Duration STATS_FLUSH = Duration.ofMillis(2500);
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
        ScenarioProgress progress = new ScenarioProgress(out, scenario);
        int warmup = options.warmupFor(scenario);
        try (ScenarioDatabase database = ScenarioDatabase.create(postgres, name);
                IncsSimulator simulator = IncsSimulator.start(simulatorConfig());
                EventPublisher publisher = new EventPublisher(broker.bootstrapServers());
                BridgeProcess bridge = startBridge(scenario, topics, database, simulator)) {
            out.printf("(%s) PostgreSQL fsync=%s%n", scenario.key(), database.fsync());
            publisher.publish(topics.input(), events.range(0, warmup));
            if (progress.awaitCreated(database, warmup, options.scenarioTimeout()) < warmup) {
                throw new IllegalStateException("the warm-up events were not all created:\n" + bridge.logTail(20));
            }
            // the measured phase's freshness histograms must not count the warm-up's late observations
            if (progress.awaitFreshnessCounted(bridge.baseUrl(), warmup, options.scenarioTimeout()) < warmup) {
                throw new IllegalStateException("the warm-up's created events were not all published:\n"
                        + bridge.logTail(20));
            }
            return measure(scenario, topics, events, database, simulator, publisher, bridge, progress);
        }
    }

    private ScenarioResult measure(Scenario scenario, ScenarioTopics topics, BenchEvents events,
                                   ScenarioDatabase database, IncsSimulator simulator, EventPublisher publisher,
                                   BridgeProcess bridge, ScenarioProgress progress) {
        int warmup = options.warmupFor(scenario);
        int n = options.eventsFor(scenario);
        Optional<String> metricsBefore = BridgeMetrics.scrape(bridge.baseUrl());
        int arrivalsBefore = simulator.counters().arrivalNanos(Route.CREATE).size();
        Optional<Duration> cpuBefore = bridge.handle().info().totalCpuDuration();
        Optional<MachineCpu.Sample> machineBefore = MachineCpu.sample();
        Optional<ProcessThreads.Sample> threadsBefore = ProcessThreads.sample(bridge.handle().pid());
        ScenarioProgress.sleep(STATS_FLUSH);
        long ownBefore = database.ownQueries();
        long transactionsBefore = database.transactions();
        List<BenchEvents.BenchEvent> burst = events.range(warmup, warmup + n);

        long start = System.nanoTime();
        publisher.publish(topics.input(), burst);
        long created = progress.awaitCreated(database, warmup + n, options.scenarioTimeout()) - warmup;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Optional<MachineCpu.Sample> machineAfter = MachineCpu.sample();
        Optional<Duration> cpuAfter = bridge.handle().info().totalCpuDuration();
        Optional<ProcessThreads.Sample> threadsAfter = ProcessThreads.sample(bridge.handle().pid());
        Optional<Double> rss = ProcessThreads.rssMegabytes(bridge.handle().pid());
        out.printf("(%s) busiest bridge threads: %s%n", scenario.key(),
                ProcessThreads.top(threadsBefore, threadsAfter, 6));
        long counted = progress.awaitFreshnessCounted(bridge.baseUrl(), warmup + created, options.scenarioTimeout());
        if (counted < warmup + created) {
            out.printf("(%s) the freshness histograms counted only %d of the %d created events in time%n",
                    scenario.key(), Math.max(0, counted - warmup), created);
        }
        ScenarioProgress.sleep(STATS_FLUSH);
        long transactions = database.transactions() - transactionsBefore - (database.ownQueries() - ownBefore);
        Optional<String> metricsAfter = BridgeMetrics.scrape(bridge.baseUrl());
        List<Long> arrivals = simulator.counters().arrivalNanos(Route.CREATE);
        List<Long> measuredArrivals = arrivals.subList(Math.min(arrivalsBefore, arrivals.size()), arrivals.size());
        return new ScenarioResult(scenario, n, created, database.otherRequests(), elapsed, measuredArrivals.size(),
                PeakConcurrency.of(measuredArrivals, options.latency()),
                simulator.counters().maxRequestsInAnySecond(),
                BridgeMetrics.between(metricsBefore, metricsAfter, BridgeMetrics.INCS_CALLS,
                        BridgeMetrics.CREATE_ROUTE),
                BridgeMetrics.between(metricsBefore, metricsAfter, BridgeMetrics.EVENT_TO_TASK_CREATED),
                BridgeMetrics.between(metricsBefore, metricsAfter, BridgeMetrics.EVENT_TO_CREATED_PUBLISHED),
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
}
