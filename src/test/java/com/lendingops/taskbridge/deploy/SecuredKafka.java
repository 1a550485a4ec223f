package com.lendingops.taskbridge.deploy;

import com.lendingops.taskbridge.testsupport.KafkaBroker;

/**
 * The one SASL/SCRAM broker of the test JVM, with the topics, the KafkaUser's SCRAM user and exactly its ACLs.
 * <p>
 * Always used through the system class loader ({@link #bootstrapServers()} via {@link SaslScramProfile}): Quarkus
 * asks a test profile for its configuration in more than one class loader, and SASL servers are JVM-wide security
 * providers, so a second broker built from other copies of the Kafka classes would fail every login
 * (a PLAIN callback of one copy is not an instance of the other's).
 */
public final class SecuredKafka {

    static final String INPUT = "collection-task-requests";
    static final String EVENTS = "collection-task-events";
    static final String DEAD_LETTERS = "collection-task-requests-dlq";

    /** The SCRAM password of the test user (a test-only value; in a cluster Strimzi generates it). */
    static final String PASSWORD = "scram-test-password";

    private static KafkaBroker broker;

    private SecuredKafka() {
    }

    /** Starts the broker on first use; its bootstrap address. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            // Kafka loads plug-ins (the authorizer, login modules) through the context class loader, and the
            // broker's threads inherit it: make it this class's loader while they are created.
            Thread thread = Thread.currentThread();
            ClassLoader caller = thread.getContextClassLoader();
            thread.setContextClassLoader(SecuredKafka.class.getClassLoader());
            try {
                KafkaUserAcls user = KafkaUserAcls.ofBase();
                KafkaBroker secured = KafkaBroker.withSaslScram().start();
                Runtime.getRuntime().addShutdownHook(new Thread(secured::close, "sasl-kafka-shutdown"));
                secured.createTopics(1, INPUT, EVENTS, DEAD_LETTERS);
                secured.createScramUser(user.user(), PASSWORD);
                secured.allow(user.acls());
                broker = secured;
            } finally {
                thread.setContextClassLoader(caller);
            }
        }
        return broker.bootstrapServers();
    }

    /** {@link #bootstrapServers()} of the system class loader's copy of this class, whichever loader calls. */
    static String sharedBootstrapServers() {
        try {
            return (String) Class.forName(SecuredKafka.class.getName(), true, ClassLoader.getSystemClassLoader())
                    .getMethod("bootstrapServers").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the SASL/SCRAM broker", e);
        }
    }
}
