package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A valid POST creates the task and answers the documented success envelope. */
class CreateTaskTest {

    private static final Instant APRIL_16_10_44_48_UTC = Instant.parse("2026-04-16T10:44:48Z");

    private IncsSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void answersDocumentedSuccessEnvelopeWithEveryTaskField() {
        SimulatorClient.Reply reply = start().createTask(TaskRequests.documentedExample());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable()
                .containsExactly("status", "code", "message", "data", "error");
        assertThat(reply.body().path("status").asText()).isEqualTo("success");
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.message()).isEmpty();
        assertThat(reply.body().path("error").isEmpty()).isTrue();
        JsonNode task = reply.data();
        assertThat(task.fieldNames()).toIterable().containsExactly("id", "creation_id", "auth_id", "name",
                "description", "type", "user_name", "user_phone", "assignee_username", "conversation_id", "status",
                "created_at", "updated_at", "logs");
        assertThat(task.path("auth_id").asLong()).isEqualTo(30058);
        assertThat(task.path("name").asText()).isEqualTo("by api");
        assertThat(task.path("user_name").asText()).isEqualTo("路人A");
        assertThat(task.path("user_phone").asText()).isEqualTo("6281512345678");
        assertThat(task.path("assignee_username").asText()).isEqualTo("incs_1");
        assertThat(task.path("conversation_id").isIntegralNumber()).isTrue();
        assertThat(task.path("status").asInt()).isZero();
    }

    @Test
    void givesEachTaskAHigherIdAndItsOwnCreationId() {
        SimulatorClient client = start();
        JsonNode first = client.createTask(TaskRequests.forPhone("6281500000001")).data();
        JsonNode second = client.createTask(TaskRequests.forPhone("6281500000002")).data();

        assertThat(second.path("id").asLong()).isGreaterThan(first.path("id").asLong());
        assertThat(second.path("creation_id").asLong()).isNotEqualTo(first.path("creation_id").asLong());
    }

    @Test
    void writesCreatedAndAssignedLogsWithUniqueIds() {
        long id = start().createTask(TaskRequests.documentedExample()).data().path("id").asLong();

        SimTask task = sim.task(id).orElseThrow();
        assertThat(task.logs()).extracting(SimLog::type).containsExactly(SimLog.CREATED, SimLog.ASSIGNED);
        assertThat(task.logs().get(1).assigneeUsername()).isEqualTo("incs_1");
        assertThat(task.logs().get(0).id()).isNotEqualTo(task.logs().get(1).id());
    }

    @Test
    void answersEmptyLogsOnCreationLikeTheDocumentedExample() {
        assertThat(start().createTask(TaskRequests.documentedExample()).data().path("logs").isEmpty()).isTrue();
    }

    @Test
    void formatsTimestampsInTheConfiguredZone() {
        JsonNode task = start(Clock.fixed(APRIL_16_10_44_48_UTC, ZoneOffset.UTC), ZoneId.of("Asia/Jakarta"))
                .createTask(TaskRequests.documentedExample()).data();

        assertThat(task.path("created_at").asText()).isEqualTo("2026-04-16 17:44:48");
        assertThat(task.path("updated_at").asText()).isEqualTo("2026-04-16 17:44:48");
    }

    @Test
    void formatsTimestampsInAnotherZoneWhenConfigured() {
        JsonNode task = start(Clock.fixed(APRIL_16_10_44_48_UTC, ZoneOffset.UTC), ZoneId.of("UTC"))
                .createTask(TaskRequests.documentedExample()).data();

        assertThat(task.path("created_at").asText()).isEqualTo("2026-04-16 10:44:48");
    }

    @Test
    void storesTaskModuleInfoExactlyAsSent() {
        long id = start().createTask(TaskRequests.documentedExample()).data().path("id").asLong();

        assertThat(sim.task(id).orElseThrow().taskModuleInfo())
                .isEqualTo(TaskRequests.documentedExample().get("task_module_info"));
    }

    @Test
    void keepsEveryReceivedBodyForFieldByFieldComparison() {
        start().createTask(TaskRequests.documentedExample());

        assertThat(sim.counters().receivedCreateBodies()).singleElement()
                .satisfies(body -> assertThat(body.json()).isEqualTo(TaskRequests.documentedExample()));
    }

    @Test
    void answersNullConversationIdOnCreationWhenConfigured() {
        SimulatorClient client = start();
        sim.updateResponseOptions(o -> o.withConversationIdOnCreate(false));

        assertThat(client.createTask(TaskRequests.documentedExample()).data().get("conversation_id").isNull())
                .isTrue();
    }

    private SimulatorClient start() {
        sim = IncsSimulator.start();
        return new SimulatorClient(sim);
    }

    private SimulatorClient start(Clock clock, ZoneId zone) {
        sim = IncsSimulator.start(SimulatorConfig.builder().clock(clock).zone(zone).build());
        return new SimulatorClient(sim);
    }
}
