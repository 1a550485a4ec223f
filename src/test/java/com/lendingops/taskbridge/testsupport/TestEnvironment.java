package com.lendingops.taskbridge.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import com.lendingops.taskbridge.simulator.IncsSimulator;

/**
 * The one set of real infrastructure shared by the {@code @QuarkusTest} classes: a Kafka broker, a PostgreSQL and
 * the incs simulator (the only stand-in, for the external incs API), started on first use and closed when the
 * application under test shuts down (or the JVM exits). {@link SharedEnvironmentResource} hands its addresses to Quarkus; tests reach the same instances statically through
 * {@link #get()} (to create topics, truncate tables, or stop the broker for an outage test).
 * <p>
 * Static access works because Quarkus loads the test resource and the {@code @QuarkusTest} classes with the same
 * application class loader. A plain JUnit test is loaded by another class loader and would start a second
 * environment: such tests create their own {@link KafkaBroker} or {@link TestPostgres} instead.
 * <p>
 * To add a component: start it in {@link #startAll()}, expose an accessor, close it in
 * {@link #close()} and put its address into {@link #quarkusConfig()} (e.g. {@code incs.api-url}).
 */
public final class TestEnvironment {

    private static final Logger LOG = Logger.getLogger(TestEnvironment.class);
    private static TestEnvironment instance;
    private static boolean shutdownHookRegistered;

    private final KafkaBroker kafka;
    private final TestPostgres postgres;
    private final IncsSimulator incs;

    private TestEnvironment(KafkaBroker kafka, TestPostgres postgres, IncsSimulator incs) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.incs = incs;
    }

    /** The shared environment, started on the first call (later calls return the same running instance). */
    public static synchronized TestEnvironment get() {
        if (instance == null) {
            instance = startAll();
            if (!shutdownHookRegistered) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestEnvironment::shutdown, "test-environment-shutdown"));
                shutdownHookRegistered = true;
            }
        }
        return instance;
    }

    /** Stops and forgets the shared environment; the next {@link #get()} starts a new one. */
    public static synchronized void shutdown() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public TestPostgres postgres() {
        return postgres;
    }

    /** The incs simulator the application is pointed at; tests {@code reset()} it before use. */
    public IncsSimulator incs() {
        return incs;
    }

    /** A new client on the shared broker; close it after the test (try-with-resources). */
    public KafkaTestClient newKafkaClient() {
        return new KafkaTestClient(kafka.bootstrapServers());
    }

    /** The configuration that points a Quarkus application at this environment. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.devservices.enabled", "false");
        config.put("incs.api-url", incs.baseUrl());
        config.put("incs.api-token", incs.token());
        // A random HTTP port: helpers and CI may run several test JVMs on one machine.
        config.put("quarkus.http.test-port", "0");
        return config;
    }

    private static TestEnvironment startAll() {
        // Both take seconds and are independent, so start them side by side.
        CompletableFuture<TestPostgres> postgres = CompletableFuture.supplyAsync(TestPostgres::resolve);
        KafkaBroker kafka = new KafkaBroker().start();
        IncsSimulator incs = IncsSimulator.start();
        TestEnvironment environment = new TestEnvironment(kafka, postgres.join(), incs);
        LOG.infof("Test environment ready: Kafka %s, PostgreSQL %s (%s), incs simulator %s", kafka.bootstrapServers(),
                environment.postgres.jdbcUrl(), environment.postgres.mode(), incs.baseUrl());
        return environment;
    }

    private synchronized void close() {
        incs.close();
        kafka.close();
        postgres.close();
        LOG.info("Test environment closed");
    }
}
