package com.lendingops.taskbridge.local;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimulatorConfig;
import com.lendingops.taskbridge.simulator.TaskTimeline;
import com.lendingops.taskbridge.testsupport.BridgeProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole system on one machine with real parts and nothing installed: an in-JVM Kafka broker, a
 * PostgreSQL (embedded unless TEST_DATABASE_URL says otherwise), the incs simulator with tasks that
 * progress by themselves, the packaged bridge as a child process, a demo feed and a monitor.
 * Closing stops everything in reverse order of start, once, whoever calls it first.
 */
final class LocalStack implements AutoCloseable {

    static final String INPUT_TOPIC = "collection-task-requests";
    static final String OUTPUT_TOPIC = "collection-task-events";
    static final String DEAD_LETTER_TOPIC = "collection-task-requests-dlq";
    static final Path BRIDGE_LOG = Path.of("target", "local-stack", "bridge.log");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private BridgeProcess bridge;
    private StackMonitor monitor;

    private LocalStack() {
    }

    private String consoleUrl;

    static LocalStack start(LocalStackOptions options, PrintStream out) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options, out);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(LocalStackOptions options, PrintStream out) {
        KafkaBroker broker = remember(new KafkaBroker()).start();
        broker.createTopics(3, INPUT_TOPIC, OUTPUT_TOPIC);
        broker.createTopics(1, DEAD_LETTER_TOPIC);
        out.printf("  Kafka          %s (topics %s, %s, %s)%n", broker.bootstrapServers(), INPUT_TOPIC, OUTPUT_TOPIC,
                DEAD_LETTER_TOPIC);

        TestPostgres postgres = remember(TestPostgres.resolve());
        out.printf("  PostgreSQL     %s (%s, user %s)%n", postgres.jdbcUrl(), postgres.mode(), postgres.username());

        String token = UUID.randomUUID().toString();
        IncsSimulator simulator = remember(IncsSimulator.start(SimulatorConfig.builder()
                .host("127.0.0.1").port(options.simulatorPort()).token(token)
                .timeline(timeline(options.taskStartAfter())).build()));
        out.printf("  incs simulator %s (API /external/tasks, counters %s/admin/counters)%n", simulator.baseUrl(),
                simulator.baseUrl());

        int port = options.bridgePort() == 0 ? FreePort.find() : options.bridgePort();
        LocalIdentity identity = LocalIdentity.generate();
        Map<String, String> environment = new LinkedHashMap<>(
                bridgeEnvironment(broker, postgres, simulator, token, options));
        environment.putAll(identity.bridgeEnvironment());
        bridge = remember(BridgeProcess.start(environment, port, BRIDGE_LOG));
        out.printf("  bridge         %s (health %s/q/health, metrics %s/q/metrics, log %s)%n", bridge.baseUrl(),
                bridge.baseUrl(), bridge.baseUrl(), BRIDGE_LOG);
        bridge.awaitStarted(Duration.ofMinutes(3));
        consoleUrl = identity.consoleUrl(bridge.baseUrl());
        out.printf("  console        %s%n", consoleUrl);
        out.printf("                 (one click: signed in as a local operator; API %s/api/v1, OpenAPI %s/q/openapi)%n",
                bridge.baseUrl(), bridge.baseUrl());

        DemoFeed feed = remember(DemoFeed.start(broker.bootstrapServers(), INPUT_TOPIC, options.eventsPerSecond(),
                options.seed()));
        out.printf("  demo feed      %.1f events/s to %s%n", options.eventsPerSecond(), INPUT_TOPIC);
        monitor = remember(new StackMonitor(broker.bootstrapServers(), INPUT_TOPIC, OUTPUT_TOPIC, DEAD_LETTER_TOPIC,
                postgres, simulator, feed::total));
    }

    /** Configuration by environment only, the same variables as in deploy/ and docker/compose.yaml. */
    static Map<String, String> bridgeEnvironment(KafkaBroker broker, TestPostgres postgres, IncsSimulator simulator,
                                                 String token, LocalStackOptions options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        if (!postgres.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        env.put("INCS_API_URL", simulator.baseUrl());
        env.put("INCS_API_TOKEN", token);
        env.put("INCS_AUTH_ID", "30058");
        env.put("INCS_MODULE_ID", "019d3dcd-f5a8-70e7-aff8-c54bde267f38");
        env.put("INCS_TIME_ZONE", "Asia/Jakarta");
        env.put("INCS_DEFAULT_COUNTRY_CODE", "62");
        env.put("INCS_RATE_LIMIT_PER_SECOND", "20");
        env.put("INCS_MAX_IN_FLIGHT", "8");
        // A quarter of the demo events name no assignee: the policy picks one, as in production.
        env.put("BRIDGE_INGEST_ASSIGNMENT_POLICY", "least-active");
        env.put("BRIDGE_INGEST_ASSIGNMENT_ASSIGNEES", "incs_1,incs_2,incs_3");
        // A demo should show status changes within seconds, not the production 30 s cycle.
        env.put("BRIDGE_SYNC_INTERVAL", options.syncInterval().toMillis() + "ms");
        env.put("BRIDGE_SYNC_INITIAL_DELAY", "1s");
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "10s");
        return env;
    }

    /** Start, a remark every 15 s while in progress, done 45 s after creation, one in five terminated. */
    private static TaskTimeline timeline(Duration startAfter) {
        return new TaskTimeline(true, startAfter, Duration.ofSeconds(15),
                List.of("Customer contacted on WhatsApp", "Customer promised to pay on Friday"),
                startAfter.plusSeconds(35), 0.2);
    }

    StackSnapshot snapshot() {
        return monitor.snapshot();
    }

    /** The one-click console link printed at start (signs in as the local operator). */
    String consoleUrl() {
        return consoleUrl;
    }

    BridgeProcess bridge() {
        return bridge;
    }

    /** A part started while Ctrl-C already closed the stack is stopped at once instead of leaking. */
    private synchronized <T extends AutoCloseable> T remember(T part) {
        if (closed.get()) {
            closeQuietly(part);
            throw new IllegalStateException("the local stack is stopping");
        }
        started.push(part);
        return part;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> parts;
        synchronized (this) {
            parts = List.copyOf(started);
            started.clear();
        }
        parts.forEach(LocalStack::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("local stack: stopping " + part.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
