package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Strimzi KafkaUser of deploy/base as Kafka sees it: its user name (the principal User:name) and its ACLs as
 * bindings a broker can be given, so a test can run the bridge with exactly the rights the manifest grants.
 */
record KafkaUserAcls(String user, List<AclBinding> acls) {

    static KafkaUserAcls ofBase() {
        Manifest user = DeployManifests.files().stream()
                .filter(m -> m.is("KafkaUser"))
                .filter(m -> m.source().startsWith(ProjectFiles.deploy().resolve("base")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("deploy/base has no KafkaUser"));
        return of(user.tree());
    }

    static KafkaUserAcls of(JsonNode kafkaUser) {
        String name = kafkaUser.path("metadata").path("name").asText();
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : kafkaUser.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            ResourcePattern pattern = new ResourcePattern(
                    ResourceType.fromString(resource.path("type").asText()),
                    resource.path("type").asText().equals("cluster") ? "kafka-cluster" : resource.path("name").asText(),
                    resource.path("patternType").asText("literal").equals("prefix") ? PatternType.PREFIXED
                            : PatternType.LITERAL);
            for (JsonNode operation : acl.path("operations")) {
                AclOperation op = AclOperation.fromString(snake(operation.asText()));
                if (op == AclOperation.UNKNOWN) {
                    throw new AssertionError("unknown ACL operation " + operation.asText() + " in the KafkaUser");
                }
                bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + name,
                        acl.path("host").asText("*"), op, AclPermissionType.fromString(acl.path("type").asText("allow")))));
            }
        }
        return new KafkaUserAcls(name, List.copyOf(bindings));
    }

    /** Strimzi spells operations like "IdempotentWrite"; Kafka's parser wants "idempotent_write". */
    private static String snake(String operation) {
        return operation.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
