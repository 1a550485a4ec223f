package com.lendingops.taskbridge.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaRaftServer;
import kafka.server.SharedServer;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running inside this JVM, built on
 * Kafka's {@link KafkaClusterTestKit}. Usable from tests, a {@code main} or a benchmark.
 * <p>
 * {@link #stop()} and {@link #start()} simulate an outage: the broker comes back on the same bootstrap address
 * with its log directories intact, so records and committed offsets written before the stop are still there.
 * <p>
 * {@link #withSaslScram()} makes a broker like a secured production cluster: its client listener speaks
 * SASL_PLAINTEXT with SCRAM-SHA-512 (and PLAIN for the test kit's super user), and ACLs are enforced, so a client
 * needs a user ({@link #createScramUser}) and ACLs ({@link #allow}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** The SCRAM mechanism a {@link #withSaslScram()} broker accepts from clients. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** The super user KafkaClusterTestKit defines (PLAIN) on a SASL listener, and its password. */
    private static final String SUPER_USER = "plain-admin";
    private static final String SUPER_USER_PASSWORD = "plain-admin-secret";

    private final Path dataDirectory;
    private final boolean saslScram;
    private KafkaClusterTestKit cluster;
    private String bootstrapServers;
    private boolean running;

    /** Creates a broker whose data lives in a fresh temporary directory; nothing runs until {@link #start()}. */
    public KafkaBroker() {
        this(false);
    }

    private KafkaBroker(boolean saslScram) {
        this.saslScram = saslScram;
        try {
            this.dataDirectory = Files.createTempDirectory("taskbridge-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the Kafka data directory", e);
        }
    }

    /** A broker (not started) whose clients authenticate with SASL/SCRAM and are authorised by ACLs. */
    public static KafkaBroker withSaslScram() {
        return new KafkaBroker(true);
    }

    /** Starts the broker, or brings a stopped one back on the same address and data. Idempotent. */
    public synchronized KafkaBroker start() {
        if (running) {
            return this;
        }
        InfrastructureLogLevels.quiet();
        try {
            if (cluster == null) {
                formatAndStartCluster();
            } else {
                restartServers();
            }
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        }
        running = true;
        LOG.infof("Kafka broker (in-JVM KRaft, Kafka %s) ready at %s, data in %s",
                AppInfoParser.getVersion(), bootstrapServers, dataDirectory);
        return this;
    }

    /** Stops the broker (an outage): clients get connection errors until {@link #start()}. Data is kept. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        // Broker first, then controller: the order KafkaRaftServer uses for a clean shutdown.
        broker().shutdown();
        controller().shutdown();
        running = false;
        LOG.infof("Kafka broker at %s stopped (data kept)", bootstrapServers);
    }

    /**
     * Runs {@code action} while the broker is stopped, then starts it again even when the action fails, so one
     * failing outage test cannot leave the shared broker down for the tests after it.
     */
    public void whileStopped(DuringOutage action) throws Exception {
        stop();
        try {
            action.run();
        } finally {
            start();
        }
    }

    /** Stops then starts the broker on the same address and data. */
    public void restart() {
        stop();
        start();
    }

    /** Whether the broker currently accepts connections. */
    public synchronized boolean isRunning() {
        return running;
    }

    /** {@code host:port} for {@code bootstrap.servers}; stable across {@link #stop()}/{@link #start()}. */
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("Kafka broker has never been started");
        }
        return bootstrapServers;
    }

    /** Directory holding the broker's metadata and log data. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates the topics with the given partition count (replication factor 1); existing topics are left as they are. */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = Admin.create(adminClientConfig())) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                            .all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + Arrays.toString(names), e);
        }
    }

    /**
     * Client settings of a user allowed everything: the bootstrap address, plus for a {@link #withSaslScram()}
     * broker the test kit's PLAIN super user. For topics, users and ACLs; the application uses a SCRAM user.
     */
    public synchronized Map<String, Object> adminClientConfig() {
        return saslScram ? superUserClientConfig(bootstrapServers())
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** Settings of the super user of a {@link #withSaslScram()} broker at this address (any class loader). */
    public static Map<String, Object> superUserClientConfig(String bootstrapServers) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + SUPER_USER + "\" password=\"" + SUPER_USER_PASSWORD + "\";");
    }

    /** The settings a SCRAM user of a {@link #withSaslScram()} broker connects with. */
    public static Map<String, String> scramClientConfig(String user, String password) {
        return Map.of(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
                "sasl.mechanism", SCRAM_MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    /** Creates (or updates) a SCRAM-SHA-512 user on a {@link #withSaslScram()} broker. */
    public void createScramUser(String user, String password) {
        try (Admin admin = Admin.create(adminClientConfig())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create SCRAM user " + user, e);
        }
    }

    /** Adds ACLs (the broker of {@link #withSaslScram()} denies whatever no ACL allows). */
    public void allow(List<AclBinding> acls) {
        try (Admin admin = Admin.create(adminClientConfig())) {
            admin.createAcls(acls).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create ACLs " + acls, e);
        }
    }

    /** Shuts the broker down for good and deletes its data. */
    @Override
    public synchronized void close() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            LOG.warn("Kafka broker did not close cleanly", e);
        } finally {
            running = false;
            cluster = null;
            Directories.deleteQuietly(dataDirectory);
        }
    }

    private void formatAndStartCluster() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dataDirectory)
                .setBrokerSecurityProtocol(saslScram ? SecurityProtocol.SASL_PLAINTEXT : SecurityProtocol.PLAINTEXT)
                // the controller listener too: with ACLs enforced, an anonymous controller connection is refused
                .setControllerSecurityProtocol(saslScram ? SecurityProtocol.SASL_PLAINTEXT : SecurityProtocol.PLAINTEXT)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        singleNodeBrokerConfig().forEach(builder::setConfigProp);
        if (saslScram) {
            // The kit sets up PLAIN for its super user (broker-to-broker and admin); clients use SCRAM, whose
            // credentials live in the cluster metadata. ACLs are enforced (the kit's StandardAuthorizer).
            builder.setConfigProp("sasl.enabled.mechanisms", "PLAIN," + SCRAM_MECHANISM);
            builder.setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        cluster = builder.build();
        cluster.format();
        cluster.startup();
        bootstrapServers = cluster.bootstrapServers();
    }

    /**
     * The test kit offers no restart for a combined node, so rebuild its servers the way the kit itself does in
     * {@code restartBrokersWithSwappedClientListenerPorts}: same config, same meta.properties ensemble (so the
     * formatted log directories are accepted) and the same socket factory, which rebinds the ports it bound first.
     */
    private void restartServers() {
        SharedServer previous = broker().sharedServer();
        SharedServer shared = new SharedServer(
                broker().config(),
                previous.metaPropsEnsemble(),
                Time.SYSTEM,
                new Metrics(),
                previous.controllerQuorumVotersFuture(),
                previous.bootstrapServers(),
                previous.faultHandlerFactory(),
                previous.socketFactory());
        ControllerServer controller = new ControllerServer(shared, KafkaRaftServer.configSchema(),
                cluster.nodes().bootstrapMetadata());
        BrokerServer broker = new BrokerServer(shared);
        cluster.controllers().put(nodeId(), controller);
        cluster.brokers().put(nodeId(), broker);
        controller.startup();
        broker.startup();
    }

    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version), (a, b) -> a, TreeMap::new));
        return BootstrapMetadata.fromVersions(version, features, "taskbridge-tests");
    }

    /** Internal topics default to replication factor 3, which a single broker can never satisfy. */
    private static Map<String, Object> singleNodeBrokerConfig() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "5",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true");
    }

    private int nodeId() {
        return cluster.brokers().keySet().iterator().next();
    }

    private BrokerServer broker() {
        return cluster.brokers().get(nodeId());
    }

    private ControllerServer controller() {
        return cluster.controllers().get(nodeId());
    }

    /** Starts a broker and keeps it running until the JVM is interrupted (Ctrl-C). */
    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = new KafkaBroker().start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
