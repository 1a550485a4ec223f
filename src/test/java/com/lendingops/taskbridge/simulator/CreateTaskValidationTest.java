package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /external/tasks validation exactly as documented: 422 with a message, nothing created. */
class CreateTaskValidationTest {

    private IncsSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start();
        client = new SimulatorClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "type", "auth_id", "user_phone", "assignee_username"})
    void rejectsRequestWithoutRequiredField(String field) {
        ObjectNode body = TaskRequests.documentedExample();
        body.remove(field);

        SimulatorClient.Reply reply = client.createTask(body);

        assertRejected(reply);
        assertThat(reply.body().path("error").has(field)).isTrue();
    }

    @Test
    void rejectsBlankNameAsMissing() {
        SimulatorClient.Reply reply = client.createTask(TaskRequests.documentedExample().put("name", "  "));

        assertRejected(reply);
        assertThat(reply.message()).isEqualTo("The name field is required.");
    }

    @Test
    void rejectsTypeOtherThan3() {
        SimulatorClient.Reply reply = client.createTask(TaskRequests.documentedExample().put("type", 2));

        assertRejected(reply);
        assertThat(reply.message()).isEqualTo("The selected type is invalid.");
    }

    @Test
    void rejectsNameLongerThan256CodePoints() {
        String name = "😀".repeat(257);

        assertRejected(client.createTask(TaskRequests.documentedExample().put("name", name)));
    }

    @Test
    void acceptsNameOf256CodePointsThatAre512Utf16Chars() {
        String name = "😀".repeat(256);

        SimulatorClient.Reply reply = client.createTask(TaskRequests.documentedExample().put("name", name));

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.data().path("name").asText()).isEqualTo(name);
    }

    @Test
    void rejectsDescriptionLongerThan256CodePoints() {
        SimulatorClient.Reply reply = client.createTask(
                TaskRequests.documentedExample().put("description", "x".repeat(257)));

        assertRejected(reply);
        assertThat(reply.message()).contains("description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+6281512345678", "081512345678", "62 815 1234 5678", "62815-1234", "6281",
            "6281512345678901", "phone"})
    void rejectsPhoneThatIsNotCountryCodeDigits(String phone) {
        SimulatorClient.Reply reply = client.createTask(TaskRequests.documentedExample().put("user_phone", phone));

        assertRejected(reply);
        assertThat(reply.message()).isEqualTo("The phone number is invalid.");
    }

    @Test
    void rejectsPhoneSentAsJsonNumber() {
        ObjectNode body = TaskRequests.documentedExample();
        body.put("user_phone", 6281512345678L);

        assertThat(client.createTask(body).message()).isEqualTo("The phone number is invalid.");
    }

    @Test
    void rejectsAuthIdSentAsString() {
        SimulatorClient.Reply reply = client.createTask(TaskRequests.documentedExample().put("auth_id", "30058"));

        assertRejected(reply);
        assertThat(reply.message()).isEqualTo("The auth id must be an integer.");
    }

    @Test
    void rejectsTaskModuleInfoThatIsNotAnObject() {
        SimulatorClient.Reply reply = client.createTask(
                TaskRequests.documentedExample().put("task_module_info", "module"));

        assertRejected(reply);
    }

    @Test
    void rejectsBodyThatIsNotJson() {
        assertRejected(client.createTask("not json", sim.token()));
    }

    private void assertRejected(SimulatorClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo(422);
        assertThat(reply.body().path("status").asText()).isEqualTo("error");
        assertThat(reply.message()).isNotBlank();
        assertThat(sim.taskCount()).isZero();
    }
}
