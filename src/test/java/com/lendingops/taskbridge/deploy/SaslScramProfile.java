package com.lendingops.taskbridge.deploy;

import com.lendingops.taskbridge.testsupport.KafkaBroker;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The application (a separate start) on a Kafka broker that takes only SASL/SCRAM-SHA-512 clients and enforces
 * ACLs, configured the way deploy/ configures it: the global {@code kafka.*} settings alone, the user and ACLs of
 * deploy/base/kafkauser.yaml. These overrides take precedence over the shared environment's Kafka address.
 */
public class SaslScramProfile implements QuarkusTestProfile {

    /** The SCRAM password of the test user (a test-only value; in a cluster Strimzi generates it). */
    static final String PASSWORD = "scram-test-password";

    static final String INPUT = "collection-task-requests";
    static final String EVENTS = "collection-task-events";
    static final String DEAD_LETTERS = "collection-task-requests-dlq";

    private static KafkaBroker broker;

    @Override
    public Map<String, String> getConfigOverrides() {
        KafkaUserAcls user = KafkaUserAcls.ofBase();
        KafkaBroker started = broker(user);
        Map<String, String> overrides = new HashMap<>();
        KafkaBroker.scramClientConfig(user.user(), PASSWORD).forEach((key, value) -> overrides.put("kafka." + key, value));
        overrides.put("kafka.bootstrap.servers", started.bootstrapServers());
        return overrides;
    }

    /** One secured broker per class loader, with the topics, the SCRAM user and exactly the KafkaUser's ACLs. */
    private static synchronized KafkaBroker broker(KafkaUserAcls user) {
        if (broker == null) {
            KafkaBroker secured = KafkaBroker.withSaslScram().start();
            Runtime.getRuntime().addShutdownHook(new Thread(secured::close, "sasl-kafka-shutdown"));
            secured.createTopics(1, INPUT, EVENTS, DEAD_LETTERS);
            secured.createScramUser(user.user(), PASSWORD);
            secured.allow(user.acls());
            broker = secured;
        }
        return broker;
    }
}
