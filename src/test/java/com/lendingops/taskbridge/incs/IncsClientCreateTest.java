package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsTestSupport.NO_SEND_BY;
import static com.lendingops.taskbridge.incs.IncsTestSupport.WAIT;
import static com.lendingops.taskbridge.incs.IncsTestSupport.cleanSimulatorAndAvailable;
import static com.lendingops.taskbridge.incs.IncsTestSupport.command;
import static com.lendingops.taskbridge.incs.IncsTestSupport.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.ResponseStyle;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /external/tasks through the real client against the simulator, in both error response styles. */
@QuarkusTest
class IncsClientCreateTest {

    @Inject
    IncsClient client;

    IncsSimulator sim;

    @BeforeEach
    void cleanSimulator() {
        sim = cleanSimulatorAndAvailable(client);
    }

    private CreateResult create(CreateTaskCommand command) {
        return client.createTask(command, NO_SEND_BY).await().atMost(WAIT);
    }

    @Test
    void createsTheTaskAndReturnsItsIncsIdentity() {
        String phone = newPhone();

        CreateResult result = create(command(phone));

        assertThat(result).isInstanceOf(CreateResult.Created.class);
        IncsTaskView task = ((CreateResult.Created) result).task();
        assertThat(sim.task(task.id())).isPresent();
        assertThat(task.userPhone()).isEqualTo(phone);
        assertThat(task.creationId()).isNotNull();
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
    }

    @Test
    void sendsTheCommandAsSnakeCaseJsonWithTheBearerToken() {
        create(command(newPhone()));

        var body = sim.counters().receivedCreateBodies().get(0).json();
        assertThat(body.path("assignee_username").asText()).isEqualTo("incs_1");
        assertThat(body.path("task_module_info").path("orders").get(0).path("confirm_loan_time").asText())
                .isEqualTo("2026-03-01 10:00:00");
    }

    @ParameterizedTest
    @EnumSource(ResponseStyle.class)
    void validationErrorIsInvalidWithTheApiMessage(ResponseStyle style) {
        sim.updateResponseOptions(options -> options.withStyle(style));
        CreateTaskCommand badPhone = new CreateTaskCommand("Collection X", null, CreateTaskCommand.MESSAGE_TASK, 30058,
                "not-a-phone", null, "incs_1", null);

        CreateResult result = create(badPhone);

        assertThat(result).isInstanceOf(CreateResult.Invalid.class);
        assertThat(((CreateResult.Invalid) result).code()).isEqualTo(422);
        assertThat(((CreateResult.Invalid) result).message()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ResponseStyle.class)
    void secondTaskForAPhoneWithAnOpenTaskIsPhoneBusy(ResponseStyle style) {
        sim.updateResponseOptions(options -> options.withStyle(style));
        String phone = newPhone();
        create(command(phone));

        CreateResult second = create(command(phone));

        assertThat(second).isEqualTo(new CreateResult.PhoneBusy("User is in an incomplete task."));
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ResponseStyle.class)
    void wrongTokenIsUnauthorizedUntilTheTokenIsAcceptedAgain(ResponseStyle style) {
        sim.updateResponseOptions(options -> options.withStyle(style));
        sim.setToken("rotated-token");

        CreateResult result = create(command(newPhone()));

        assertThat(result).isInstanceOf(CreateResult.Unauthorized.class);
        assertThat(client.isUnauthorized()).isTrue();
        assertThat(client.isAvailable()).isFalse();

        sim.setToken(sim.config().token());
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !client.isUnauthorized());
        assertThat(create(command(newPhone()))).isInstanceOf(CreateResult.Created.class);
    }
}
