package com.lendingops.taskbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.lendingops.taskbridge.events.EventType;
import com.lendingops.taskbridge.events.TaskDeferred;
import com.lendingops.taskbridge.events.TaskEvent;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published contract files stay complete: one JSON Schema per event type, all in the AsyncAPI document. */
class EventContractFilesTest {

    private static final Path ASYNCAPI = Path.of("docs", "asyncapi.yaml");

    @Test
    void everyEventTypeHasALoadableDraft202012Schema() throws IOException {
        for (EventType type : EventType.values()) {
            try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.ceType() + ".json")) {
                assertThat(in).as("schema of %s", type.ceType()).isNotNull();
                JsonNode schema = new ObjectMapper().readTree(in);
                assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
                assertThat(schema.get("title").asText()).isEqualTo(type.ceType());
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            }
        }
    }

    @Test
    void asyncApiDocumentDescribesBothTopicsAndEveryEventType() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ASYNCAPI));

        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder("collection-task-requests", "collection-task-events");
        List<String> names = new ArrayList<>();
        doc.get("components").get("messages").forEach(message -> names.add(message.get("name").asText()));
        for (EventType type : EventType.values()) {
            assertThat(names).contains(type.ceType());
        }
        doc.get("components").get("messages").forEach(message -> {
            String ref = message.get("payload").path("schema").path("$ref").asText();
            if (ref.startsWith("../")) {
                assertThat(ASYNCAPI.getParent().resolve(ref).normalize()).exists();
            }
        });
    }

    @Test
    void everyAsyncApiPayloadDeclaresItsSchemaFormat() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ASYNCAPI));

        doc.get("components").get("messages").forEach(message -> {
            JsonNode payload = message.get("payload");
            assertThat(payload.path("schemaFormat").asText()).as("schemaFormat of %s", message.get("name"))
                    .isIn("application/schema+json;version=draft-2020-12",
                            "application/vnd.aai.asyncapi+json;version=3.0.0");
            assertThat(payload.path("schema").path("$ref").asText()).isNotBlank();
        });
    }

    @Test
    void deferredEventHasNoSubjectAndADocumentedReason() throws IOException {
        TaskEvent event = TaskEvent.deferred(new TaskDeferred("ev-1", "CASE-1", "incomplete_task", 42L, null), 1,
                OffsetDateTime.now());

        assertThat(event.subject()).as("the blocking task is data, not the subject").isNull();
        try (InputStream in = getClass().getResourceAsStream("/schemas/collection.task.deferred.json")) {
            JsonNode reasons = new ObjectMapper().readTree(in).get("properties").get("reason").get("enum");
            List<String> documented = new ArrayList<>();
            reasons.forEach(r -> documented.add(r.asText()));
            assertThat(documented).containsExactlyInAnyOrder("incomplete_task", "queued_behind_deferred_request");
        }
    }
}
