package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /admin HTTP endpoints do what the Java admin methods do. */
class AdminHttpEndpointsTest {

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

    @Test
    void seedsTaskWithStatusAndCreationTime() {
        JsonNode task = client.admin("POST", "/admin/tasks",
                "{\"user_phone\":\"6281500000001\",\"status\":1,\"created_at\":\"2026-04-08 17:22:01\"}").body();

        assertThat(task.path("status").asInt()).isEqualTo(1);
        assertThat(task.path("created_at").asText()).isEqualTo("2026-04-08 17:22:01");
        assertThat(sim.taskCount(SimTask.IN_PROGRESS)).isEqualTo(1);
    }

    @Test
    void seedsManyTasksAndCountsThem() {
        client.admin("POST", "/admin/tasks/seed", "{\"count\":150,\"status\":1}");

        assertThat(client.admin("GET", "/admin/tasks/count?status=1", null).body().path("count").asInt())
                .isEqualTo(150);
    }

    @Test
    void movesRemarksAndReassignsThroughHttp() {
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        client.admin("POST", "/admin/tasks/" + id + "/status", "{\"status\":1}");
        client.admin("POST", "/admin/tasks/" + id + "/remark", "{\"comment\":\"called\"}");
        client.admin("POST", "/admin/tasks/" + id + "/reassign", "{\"assignee_username\":\"incs_2\"}");
        client.admin("POST", "/admin/tasks/" + id + "/complete", null);

        assertThat(sim.task(id).orElseThrow().logs()).extracting(SimLog::type)
                .containsExactly(1, 2, 3, 4, 2, 3);
        assertThat(sim.task(id).orElseThrow().status()).isEqualTo(SimTask.COMPLETED);
    }

    @Test
    void movesStatusWithoutLogThroughHttp() {
        long id = sim.createTask(NewTask.forPhone("6281500000001")).id();

        client.admin("POST", "/admin/tasks/" + id + "/status", "{\"status\":3,\"log\":false}");

        assertThat(sim.task(id).orElseThrow().logs()).hasSize(2);
        assertThat(sim.task(id).orElseThrow().status()).isEqualTo(SimTask.TERMINATED);
    }

    @Test
    void answers404ForUnknownTask() {
        assertThat(client.admin("POST", "/admin/tasks/424242/complete", null).status()).isEqualTo(404);
    }

    @Test
    void changesTokenThroughHttp() {
        client.admin("PUT", "/admin/token", "{\"token\":\"fixed\"}");

        assertThat(sim.token()).isEqualTo("fixed");
    }

    @Test
    void setsFaultsAndRateLimitThroughHttp() {
        client.admin("PUT", "/admin/faults", "{\"route\":\"POST\",\"error_500_rate\":1}");
        client.admin("POST", "/admin/faults/next", "{\"route\":\"GET\",\"fault\":\"reset\",\"count\":2}");
        JsonNode faults = client.admin("PUT", "/admin/rate-limit",
                "{\"requests_per_second\":7,\"retry_after\":true}").body();

        assertThat(sim.faults().settings(Route.CREATE).error500Rate()).isEqualTo(1.0);
        assertThat(sim.faults().settings(Route.LIST).error500Rate()).isZero();
        assertThat(sim.faults().pending()).containsExactly(new FaultInjector.PendingFault(Route.LIST, Fault.RESET, 2));
        assertThat(faults.path("rate_limit").path("requests_per_second").asInt()).isEqualTo(7);
    }

    @Test
    void clearsFaultsThroughHttp() {
        sim.faults().set(FaultSettings.none().withResetRate(1));

        client.admin("DELETE", "/admin/faults", null);

        assertThat(sim.faults().settings(Route.CREATE)).isEqualTo(FaultSettings.none());
    }

    @Test
    void changesResponseOptionsPartially() {
        JsonNode options = client.admin("PUT", "/admin/options", "{\"style\":\"always_200\",\"page_base\":0}")
                .body();

        assertThat(sim.responseOptions().style()).isEqualTo(ResponseStyle.ALWAYS_200);
        assertThat(sim.responseOptions().pageBase()).isZero();
        assertThat(options.path("conversation_id_in_list").asBoolean()).isTrue();
    }

    @Test
    void returnsCountersAndReceivedBodies() {
        client.createTask(TaskRequests.documentedExample());

        JsonNode counters = client.admin("GET", "/admin/counters", null).body();
        JsonNode received = client.admin("GET", "/admin/received", null).body();

        assertThat(counters.path("requests").path("POST /external/tasks").path("created").asInt()).isEqualTo(1);
        assertThat(counters.path("tasks_created_per_phone").path("6281512345678").asInt()).isEqualTo(1);
        assertThat(received.get(0)).isEqualTo(TaskRequests.documentedExample());
    }

    @Test
    void resetsEverythingThroughHttp() {
        client.createTask(TaskRequests.documentedExample());

        client.admin("POST", "/admin/reset", null);

        assertThat(sim.taskCount()).isZero();
        assertThat(sim.counters().requests(Route.CREATE)).isZero();
    }

    @Test
    void answers404ForUnknownAdminRoute() {
        assertThat(client.admin("GET", "/admin/nothing", null).status()).isEqualTo(404);
    }
}
