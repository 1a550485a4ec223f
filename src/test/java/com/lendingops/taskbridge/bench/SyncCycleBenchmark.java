package com.lendingops.taskbridge.bench;

import com.lendingops.taskbridge.simulator.FaultSettings;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.simulator.SimulatorConfig;
import com.lendingops.taskbridge.sync.BulkTracking;
import com.lendingops.taskbridge.testsupport.BridgeProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Sync cycle cost of the packaged bridge at 1,000 and 100,000 tracked active tasks (bench/sync-cycle.sh): the
 * tasks are seeded directly in the incs simulator (answering after a fixed latency) and, fully synced, in a fresh
 * database; the bridge runs as a child process with 8 incs calls in flight and 8 pages at a time. Between two
 * cycles 1 % of the tasks change (40 % get a remark, 40 % start, 20 % complete). Per measured cycle it reports the
 * cycle time against the floor calls × latency / 8, the calls against ⌈active/100⌉ + left + 2 (left: tasks that
 * ended since the cycle before last, whose tails are read once more), the bridge's peak
 * RSS, the events published per second (events of the cycle / time from the cycle's start until the relay had
 * published them all) and p50 / p95 / p99 of the bridge's change → published histogram over the cycle's changes
 * (scrapes before the changes and after their events were published, subtracted), per cycle and over all measured
 * cycles. A benchmark, not a test: it asserts nothing and surefire does not pick it up.
 */
public final class SyncCycleBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final int IN_FLIGHT = 8;
    private static final int MEASURED_CYCLES = 3;
    /**
     * The JVM of one pod of the dev overlay (limits: 512Mi, 1 CPU): the JVM sees what the container would show it,
     * and picks its collector and heap from that (heap: half the limit, as deploy/base's JAVA_OPTS_APPEND sizes it),
     * with the image's memory settings (docker/Dockerfile.jvm: the last three options and {@link #MALLOC_ARENAS}).
     * No collector or heap flag of the benchmark's own.
     */
    private static final List<String> BRIDGE_JVM = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=50",
            "-XX:ActiveProcessorCount=1", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:TrimNativeHeapInterval=5000");
    /** MALLOC_ARENA_MAX of docker/Dockerfile.jvm. */
    private static final String MALLOC_ARENAS = "2";

    private SyncCycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 100_000);
        }
        System.out.printf(Locale.ROOT, "Sync cycle benchmark: latency %d ms, %d calls in flight, 1 %% changing, %d cores%n",
                LATENCY.toMillis(), IN_FLIGHT, Runtime.getRuntime().availableProcessors());
        List<SyncCycleTable.Row> rows = new ArrayList<>();
        List<SyncCycleTable.AllCycles> sizeTotals = new ArrayList<>();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaBroker broker = new KafkaBroker().start(); TestPostgres postgres = TestPostgres.resolve()) {
            broker.createTopics(3, "collection-task-events", "collection-task-requests", "collection-task-requests-dlq");
            try (Connection c = postgres.openConnection(); var s = c.createStatement(); var rs = s.executeQuery("show fsync")) {
                rs.next();
                System.out.println("PostgreSQL " + postgres.jdbcUrl() + ", fsync=" + rs.getString(1));
            }
            for (int size : sizes) {
                rows.addAll(runSize(size, broker, postgres, runId, sizeTotals));
            }
        }
        System.out.println();
        SyncCycleTable.print(rows, sizeTotals, System.out);
        System.exit(0);
    }

    /** Runs one size; adds its change → published over all measured cycles to {@code sizeTotals}. */
    private static List<SyncCycleTable.Row> runSize(int size, KafkaBroker broker, TestPostgres postgres, String runId,
                                                    List<SyncCycleTable.AllCycles> sizeTotals) throws Exception {
        String dbName = "sync_bench_" + runId + "_" + size;
        try (ScenarioDatabase database = ScenarioDatabase.create(postgres, dbName);
             IncsSimulator incs = IncsSimulator.start(SimulatorConfig.builder().token(UUID.randomUUID().toString())
                     .faults(FaultSettings.none().withLatency(LATENCY)).build())) {
            Duration interval = interval(size);
            Path log = Path.of("target", "bench", "sync-bridge-" + size + ".log");
            Files.createDirectories(log.getParent());
            List<String> jvm = bridgeJvm();
            try (BridgeProcess bridge = BridgeProcess.start(jvm, env(broker, database, postgres, incs, interval),
                    FreePort.find(), log)) {
                bridge.awaitStarted(Duration.ofMinutes(3));
                System.out.printf("(%d) seeding the simulator and the database...%n", size);
                List<SimTask> tasks = new ArrayList<>(incs.seedTasks(size, SimTask.NOT_STARTED));
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), postgres.username(),
                        postgres.password())) {
                    BulkTracking.trackAsSynced(connection, tasks);
                }
                System.out.printf("(%d) seeded; waiting for the first (warm-up) cycle%n", size);
                double completed = bridge.metric("sync_cycles_total{outcome=\"completed\"}");
                do {
                    completed = awaitCycleAfter(bridge, completed, interval.multipliedBy(6));
                } while (bridge.metric("sync_tracked_tasks") < size);
                List<SyncCycleTable.Row> rows = new ArrayList<>();
                Random random = new Random(size);
                int leftBefore = 0;
                // change → published of the measured cycles: histogram differences of scrapes around each cycle
                Optional<String> firstScrape = BridgeMetrics.scrape(bridge.baseUrl());
                Optional<String> cycleBefore = firstScrape;
                for (int cycle = 1; cycle <= MEASURED_CYCLES; cycle++) {
                    int leftNow = change(incs, tasks, random);
                    // tasks that ended before the previous cycle are read once more in this one (their tail)
                    int left = leftNow + leftBefore;
                    leftBefore = leftNow;
                    long active = incs.taskCount(SimTask.NOT_STARTED) + incs.taskCount(SimTask.IN_PROGRESS);
                    double publishedBefore = bridge.metric("outbox_published_total");
                    double eventsBefore = bridge.metric("sync_events_total");
                    completed = awaitCycleAfter(bridge, completed, interval.multipliedBy(6));
                    long start = System.nanoTime();
                    double seconds = bridge.metric("sync_cycle_last_seconds");
                    int calls = (int) bridge.metric("sync_cycle_last_calls");
                    int events = (int) Math.round(bridge.metric("sync_events_total") - eventsBefore);
                    awaitPublished(bridge, publishedBefore + events);
                    double drain = (System.nanoTime() - start) / 1e9;
                    // the relay observes the histogram before it counts the row published: nothing is missed
                    Optional<String> cycleAfter = BridgeMetrics.scrape(bridge.baseUrl());
                    rows.add(new SyncCycleTable.Row(size, cycle, seconds, calls, (active + 99) / 100 + left + 2,
                            events, calls * LATENCY.toMillis() / 1000.0 / IN_FLIGHT, events / (seconds + drain),
                            peakRssKb(bridge),
                            BridgeMetrics.between(cycleBefore, cycleAfter, BridgeMetrics.CHANGE_TO_PUBLISHED)));
                    cycleBefore = cycleAfter;
                    SyncCycleTable.Row r = rows.get(rows.size() - 1);
                    System.out.printf(Locale.ROOT, "(%d) cycle %d: %.2f s, %d calls (bound %d), %d events, "
                                    + "peak RSS %d MB, change→published p50 %s ms%n", size, cycle, seconds, calls,
                            r.bound(), events, r.peakRssKb() / 1024, r.changeToPublished().millis(0.5));
                }
                printMemory(size, bridge, jvm);
                sizeTotals.add(new SyncCycleTable.AllCycles(size, MEASURED_CYCLES,
                        rows.stream().mapToInt(SyncCycleTable.Row::events).sum(),
                        BridgeMetrics.between(firstScrape, cycleBefore, BridgeMetrics.CHANGE_TO_PUBLISHED),
                        interval.toSeconds()));
                return rows;
            }
        }
    }

    /** Longer than a cycle, so that the changes made right after one cycle all fall before the next. */
    private static Duration interval(int size) {
        return Duration.ofSeconds(size >= 10_000 ? 60 : 8);
    }

    /** 1 % of the still active tasks change: 40 % a remark, 40 % start, 20 % complete; emits how many completed. */
    private static int change(IncsSimulator incs, List<SimTask> tasks, Random random) {
        int count = Math.max(1, tasks.size() / 100);
        int completed = 0;
        for (int i = 0; i < count && !tasks.isEmpty(); i++) {
            SimTask task = tasks.get(random.nextInt(tasks.size()));
            int kind = i % 5;
            if (kind < 2) {
                incs.addRemark(task.id(), "benchmark remark " + i);
            } else if (kind < 4) {
                if (incs.task(task.id()).map(t -> t.status() == SimTask.NOT_STARTED).orElse(false)) {
                    incs.moveToStatus(task.id(), SimTask.IN_PROGRESS);
                } else {
                    incs.addRemark(task.id(), "benchmark remark " + i);
                }
            } else {
                incs.complete(task.id());
                tasks.remove(task);
                completed++;
            }
        }
        return completed;
    }

    private static double awaitCycleAfter(BridgeProcess bridge, double completedBefore, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            double now = bridge.metric("sync_cycles_total{outcome=\"completed\"}");
            if (now > completedBefore) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no sync cycle completed within " + timeout + ":\n" + bridge.logTail(30));
    }

    private static void awaitPublished(BridgeProcess bridge, double target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (bridge.metric("outbox_published_total") < target && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The pod's JVM, plus BENCH_BRIDGE_JVM_OPTIONS (bench/sync-cycle.sh), e.g. to try memory settings. */
    private static List<String> bridgeJvm() {
        List<String> jvm = new ArrayList<>(BRIDGE_JVM);
        String extra = System.getProperty(ScenarioRunner.EXTRA_JVM_PROPERTY, "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        System.out.println("Bridge JVM options: " + String.join(" ", jvm));
        return jvm;
    }

    /**
     * Where the bridge's memory is after the measured cycles: the heap (jcmd GC.heap_info) and, when the bridge runs
     * with -XX:NativeMemoryTracking=summary, the JVM's native areas (metaspace, code cache, threads, GC).
     */
    private static void printMemory(int size, BridgeProcess bridge, List<String> jvm) {
        List<String> commands = new ArrayList<>(List.of("GC.heap_info"));
        if (jvm.stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking="))) {
            commands.add("VM.native_memory summary");
        }
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of("jcmd", String.valueOf(bridge.handle().pid())));
            args.addAll(List.of(command.split(" ")));
            try {
                Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
                String output = new String(jcmd.getInputStream().readAllBytes());
                jcmd.waitFor();
                System.out.printf("(%d) jcmd %s:%n%s%n", size, command, output.lines()
                        .filter(line -> !line.isBlank() && !line.contains("(mmap:") && !line.contains("(malloc="))
                        .collect(java.util.stream.Collectors.joining("\n")));
            } catch (IOException e) {
                System.out.printf("(%d) jcmd %s failed: %s%n", size, command, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long peakRssKb(BridgeProcess bridge) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(bridge.handle().pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static Map<String, String> env(KafkaBroker broker, ScenarioDatabase database, TestPostgres postgres,
                                           IncsSimulator incs, Duration interval) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        if (!postgres.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        env.put("INCS_API_URL", incs.baseUrl());
        env.put("INCS_API_TOKEN", incs.token());
        env.put("INCS_AUTH_ID", "30058");
        env.put("INCS_MODULE_ID", "019d3dcd-f5a8-70e7-aff8-c54bde267f38");
        env.put("INCS_MAX_IN_FLIGHT", Integer.toString(IN_FLIGHT));
        env.put("BRIDGE_SYNC_PAGE_CONCURRENCY", Integer.toString(IN_FLIGHT));
        env.put("BRIDGE_SYNC_LOOKUP_CONCURRENCY", Integer.toString(IN_FLIGHT));
        env.put("BRIDGE_SYNC_INTERVAL", interval.toSeconds() + "s");
        env.put("BRIDGE_SYNC_INITIAL_DELAY", "2s");
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "10s");
        return env;
    }
}
