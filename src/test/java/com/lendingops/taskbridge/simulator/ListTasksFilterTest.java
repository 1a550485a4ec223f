package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every GET /external/tasks filter, and the full logs of each listed task. */
class ListTasksFilterTest {

    /** 2026-04-08 17:00:00 in Asia/Jakarta. */
    private static final Instant FIVE_PM_JAKARTA = Instant.parse("2026-04-08T10:00:00Z");

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
    void findsOneTaskByTaskId() {
        sim.createTask(NewTask.forPhone("6281500000001"));
        SimTask wanted = sim.createTask(NewTask.forPhone("6281500000002"));

        assertThat(ids(client.listTasks("page_size=100&task_id=" + wanted.id()))).containsExactly(wanted.id());
    }

    @Test
    void findsTasksByCreationId() {
        sim.createTask(NewTask.forPhone("6281500000001"));
        SimTask wanted = sim.createTask(NewTask.forPhone("6281500000002"));

        assertThat(ids(client.listTasks("creation_id=" + wanted.creationId()))).containsExactly(wanted.id());
    }

    @Test
    void filtersByStatus() {
        sim.createTask(NewTask.forPhone("6281500000001"));
        SimTask inProgress = sim.createTask(NewTask.forPhone("6281500000002").withStatus(SimTask.IN_PROGRESS));

        assertThat(ids(client.listTasks("status=1"))).containsExactly(inProgress.id());
    }

    @Test
    void filtersByType() {
        SimTask task = sim.createTask(NewTask.forPhone("6281500000001"));

        assertThat(ids(client.listTasks("type=3"))).containsExactly(task.id());
        assertThat(ids(client.listTasks("type=1"))).isEmpty();
    }

    @Test
    void findsTasksWhoseNameContainsTheSearchIgnoringCase() {
        SimTask wanted = sim.createTask(NewTask.forPhone("6281500000001").withName("Collection CASE-2026-000123"));
        sim.createTask(NewTask.forPhone("6281500000002").withName("Collection CASE-2026-000999"));

        assertThat(ids(client.listTasks("name=" + encode("case-2026-000123")))).containsExactly(wanted.id());
    }

    @Test
    void includesBothEndsOfTheCreationWindow() {
        SimTask before = createdAt(FIVE_PM_JAKARTA.minusSeconds(1));
        SimTask atStart = createdAt(FIVE_PM_JAKARTA);
        SimTask atEnd = createdAt(FIVE_PM_JAKARTA.plusSeconds(3600));
        SimTask after = createdAt(FIVE_PM_JAKARTA.plusSeconds(3601));

        List<Long> found = ids(client.listTasks("start_at=" + encode("2026-04-08 17:00:00")
                + "&end_at=" + encode("2026-04-08 18:00:00")));

        assertThat(found).containsExactly(atStart.id(), atEnd.id()).doesNotContain(before.id(), after.id());
    }

    @Test
    void combinesFilters() {
        SimTask wanted = sim.createTask(NewTask.forPhone("6281500000001").withName("alpha").withStatus(1));
        sim.createTask(NewTask.forPhone("6281500000002").withName("alpha"));
        sim.createTask(NewTask.forPhone("6281500000003").withName("beta").withStatus(1));

        assertThat(ids(client.listTasks("name=alpha&status=1"))).containsExactly(wanted.id());
    }

    @Test
    void listsEveryTaskWithItsFullLogs() {
        SimTask task = sim.createTask(NewTask.forPhone("6281500000001"));
        sim.moveToStatus(task.id(), SimTask.IN_PROGRESS);
        sim.addRemark(task.id(), "已经跟进");

        JsonNode listed = client.listTasks("task_id=" + task.id()).data().path("data").get(0);

        assertThat(listed.path("logs")).hasSize(4);
        JsonNode remark = listed.path("logs").get(3);
        assertThat(remark.fieldNames()).toIterable().containsExactly("id", "type", "status", "pre_status",
                "assignee_username", "comment", "created_at", "updated_at");
        assertThat(remark.path("type").asInt()).isEqualTo(SimLog.REMARK);
        assertThat(remark.path("comment").asText()).isEqualTo("已经跟进");
        assertThat(listed.path("logs").get(2).path("pre_status").asInt()).isZero();
        assertThat(listed.path("logs").get(2).path("status").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsStatusThatIsNotAnInteger() {
        SimulatorClient.Reply reply = client.listTasks("status=open");

        assertThat(reply.code()).isEqualTo(422);
        assertThat(reply.message()).isEqualTo("The status must be an integer.");
    }

    @Test
    void rejectsWindowInAnotherFormat() {
        SimulatorClient.Reply reply = client.listTasks("start_at=" + encode("2026-04-08T17:00:00"));

        assertThat(reply.code()).isEqualTo(422);
        assertThat(reply.message()).contains("start at");
    }

    private SimTask createdAt(Instant at) {
        return sim.createTask(NewTask.forPhone("62815" + at.getEpochSecond()).withCreatedAt(at));
    }

    static List<Long> ids(SimulatorClient.Reply reply) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.data().path("data").forEach(task -> ids.add(task.path("id").asLong()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
