package com.lendingops.taskbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL/SCRAM {@link KafkaBroker}: a SCRAM user with an ACL can write, without the ACL it cannot. No Quarkus. */
class KafkaBrokerSaslTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.withSaslScram().start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void aScramUserWritesWhereAnAclAllowsItAndNowhereElse() {
        String allowed = "allowed-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        broker.createTopics(1, allowed, other);
        broker.createScramUser("alice", "alice-secret");
        broker.allow(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, allowed, PatternType.LITERAL),
                new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));

        try (KafkaTestClient alice = new KafkaTestClient(clientConfig("alice", "alice-secret"))) {
            alice.send(allowed, "k", "v");
            assertThatThrownBy(() -> alice.send(other, "k", "v"))
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TopicAuthorizationException.class);
        }
        try (KafkaTestClient admin = new KafkaTestClient(broker.adminClientConfig())) {
            assertThat(admin.readAll(allowed)).extracting(r -> r.value()).containsExactly("v");
        }
    }

    private static Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>(KafkaBroker.scramClientConfig(user, password));
        config.put("bootstrap.servers", broker.bootstrapServers());
        return config;
    }
}
