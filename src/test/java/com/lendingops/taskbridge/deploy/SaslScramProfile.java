package com.lendingops.taskbridge.deploy;

import com.lendingops.taskbridge.testsupport.KafkaBroker;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The application (a separate start) on a Kafka broker that takes only SASL/SCRAM-SHA-512 clients and enforces
 * ACLs ({@link SecuredKafka}), configured the way deploy/ configures it: the global {@code kafka.*} settings alone,
 * the user and ACLs of deploy/base/kafkauser.yaml. These overrides take precedence over the shared environment's
 * Kafka address.
 */
public class SaslScramProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        KafkaBroker.scramClientConfig(KafkaUserAcls.ofBase().user(), SecuredKafka.PASSWORD)
                .forEach((key, value) -> overrides.put("kafka." + key, value));
        overrides.put("kafka.bootstrap.servers", SecuredKafka.sharedBootstrapServers());
        return overrides;
    }
}
