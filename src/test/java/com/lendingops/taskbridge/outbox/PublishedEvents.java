package com.lendingops.taskbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what the relay published for a case the way a consumer would (deduplicated on ce_id) and
 * checks each record against the contract: CloudEvents binary headers and the type's JSON Schema.
 */
public final class PublishedEvents {

    public static final String TOPIC = "collection-task-events";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private PublishedEvents() {
    }

    /** Every record of the case on the topic right now, in topic order, duplicates included. */
    public static List<ConsumerRecord<String, String>> all(KafkaTestClient kafka, String caseId) {
        return kafka.readAll(TOPIC).stream().filter(r -> caseId.equals(r.key())).toList();
    }

    /** The first record of each ce_id, in topic order: what a deduplicating consumer keeps. */
    public static List<ConsumerRecord<String, String>> deduplicated(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(KafkaTestClient.header(r, "ce_id"), r));
        return new ArrayList<>(first.values());
    }

    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the CloudEvents 1.0 binary-mode headers and that the value validates against its type's schema. */
    public static void assertValidCloudEvent(ConsumerRecord<String, String> record) {
        Map<String, String> headers = KafkaTestClient.headers(record);
        String type = headers.get("ce_type");
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/collection-task-bridge")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_type", "ce_time");
        assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
        assertThat(OffsetDateTime.parse(headers.get("ce_time"))).isNotNull();
        JsonNode data = data(record);
        if (data.hasNonNull("task_id") && !type.equals("collection.task.deferred")) {
            assertThat(headers).containsEntry("ce_subject", data.get("task_id").asText());
        }
        Set<ValidationMessage> errors = schema(type).validate(data);
        assertThat(errors).as("%s against its schema: %s", type, record.value()).isEmpty();
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = PublishedEvents.class.getResourceAsStream("/schemas/" + t + ".json")) {
                assertThat(in).as("schema for %s", t).isNotNull();
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
