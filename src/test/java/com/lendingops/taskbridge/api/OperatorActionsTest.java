package com.lendingops.taskbridge.api;

import static com.lendingops.taskbridge.api.ApiFixtures.T0;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.TaskCommandMapper;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry, cancel and re-sync through the API, each audited; the lifecycle does the work. */
@QuarkusTest
class OperatorActionsTest {

    @Inject
    IncsClient client;
    @Inject
    EventParser parser;
    @Inject
    TaskCommandMapper mapper;
    @Inject
    ObjectMapper json;

    private IncsSimulator sim;

    @BeforeEach
    void clean() {
        sim = ApiFixtures.cleanStart(client);
    }

    @Test
    void retryingARejectedRequestCreatesItsTaskOnceThroughTheNormalLifecycle() {
        String eventId = ApiFixtures.newId("evt");
        String caseId = ApiFixtures.newId("CASE");
        String phone = ApiFixtures.newPhone();
        String body = ApiFixtures.requestBody(parser, mapper, json, ApiFixtures.event(eventId, caseId, "+" + phone));
        ApiFixtures.request(eventId, caseId, phone, "rejected", T0, "incs: 422 name is invalid", body, null);

        post("/api/v1/requests/" + eventId + "/retry").then().statusCode(200)
                .body("outcome", equalTo("done")).body("state", equalTo("received"))
                .body("target", equalTo("request:" + eventId));

        await().atMost(ApiFixtures.WAIT).until(() -> "created".equals(ApiFixtures.state(eventId)));
        assertThat(sim.tasksWithPhone(phone)).hasSize(1);
        assertThat(ApiFixtures.strings("select ce_type from outbox_event where record_key = ?", caseId))
                .contains("collection.task.created");
        given().auth().oauth2(TestTokens.viewer()).queryParam("target", "request:" + eventId)
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("retry")).body("items.actor", contains("olivia.operator"))
                .body("items.outcome", contains("done"));
    }

    @Test
    void retryIsRefusedForRequestsThatAreNotFailedOrRejectedOrWereInvalidEvents() {
        ApiFixtures.request("e-created", "C-1", ApiFixtures.newPhone(), "created", T0, null, "{}", null);
        ApiFixtures.request("e-invalid", "C-2", null, "rejected", T0, "invalid phone", null, null);
        post("/api/v1/requests/e-created/retry").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("state created"));
        post("/api/v1/requests/e-invalid/retry").then().statusCode(409)
                .body("detail", containsString("corrected event"));
        post("/api/v1/requests/e-unknown/retry").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/audit").then().statusCode(200)
                .body("items.outcome", contains("not_found", "conflict", "conflict"));
    }

    @Test
    void cancellingADeferredRequestFailsItAndPublishesTheReason() {
        String caseId = ApiFixtures.newId("CASE");
        ApiFixtures.request("e-deferred", caseId, ApiFixtures.newPhone(), "deferred", T0, "User is in an incomplete task.",
                "{}", null);

        post("/api/v1/requests/e-deferred/cancel").then().statusCode(200).body("state", equalTo("failed"));

        assertThat(ApiFixtures.state("e-deferred")).isEqualTo("failed");
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            var published = kafka.awaitRecords("collection-task-events", 1, r -> caseId.equals(r.key()));
            assertThat(KafkaTestClient.header(published.get(0), "ce_type")).isEqualTo("collection.task.failed");
            assertThat(JsonPath.from(published.get(0).value()).getString("reason")).isEqualTo("cancelled_by_operator");
        }
        post("/api/v1/requests/e-deferred/cancel").then().statusCode(409).body("detail", containsString("deferred"));
    }

    @Test
    void aCancellationIsPublishedEvenWhenTheRequestHadFailedBeforeItsRetry() {
        String caseId = ApiFixtures.newId("CASE");
        ApiFixtures.request("e-again", caseId, ApiFixtures.newPhone(), "deferred", T0, "busy", "{}", null);
        ApiFixtures.update("""
                insert into outbox_event (ce_id, ce_type, ce_time, record_key, payload, created_at)
                values (?, 'collection.task.failed', now(), ?, '{"event_id":"e-again","reason":"deferral_horizon_exceeded"}',
                        now())""", com.lendingops.taskbridge.events.TaskEvent.idFor("failed:e-again"), caseId);

        post("/api/v1/requests/e-again/cancel").then().statusCode(200);

        assertThat(ApiFixtures.strings("select payload from outbox_event where record_key = ? order by id", caseId))
                .hasSize(2).last().asString().contains("cancelled_by_operator");
    }

    @Test
    void resyncRecordsAChangeMadeInIncsAtOnce() {
        String eventId = ApiFixtures.newId("evt");
        String caseId = ApiFixtures.newId("CASE");
        ApiFixtures.send(ApiFixtures.INPUT_TOPIC, caseId, ApiFixtures.event(eventId, caseId, "+" + ApiFixtures.newPhone()));
        await().atMost(ApiFixtures.WAIT).until(() -> "created".equals(ApiFixtures.state(eventId)));
        long taskId = Long.parseLong(ApiFixtures.strings("select task_id::text from task_request where event_id = ?",
                eventId).get(0));
        sim.moveToStatus(taskId, 1);

        post("/api/v1/tasks/" + taskId + "/resync").then().statusCode(200).body("state", equalTo("in_progress"));

        assertThat(ApiFixtures.strings("select status::text from incs_task where task_id = ?", taskId))
                .containsExactly("1");
        assertThat(ApiFixtures.strings("select ce_type from outbox_event where record_key = ? order by id", caseId))
                .contains("collection.task.status-changed");
        post("/api/v1/tasks/12345/resync").then().statusCode(404);
        sim.complete(taskId);
        post("/api/v1/tasks/" + taskId + "/resync").then().statusCode(200).body("state", equalTo("completed"));
        post("/api/v1/tasks/" + taskId + "/resync").then().statusCode(409)
                .body("detail", containsString("no longer tracked"));
    }

    @Test
    void theAuditListIsNewestFirstInKeysetPages() {
        post("/api/v1/requests/a/retry");
        post("/api/v1/requests/b/cancel");
        post("/api/v1/tasks/3/resync");
        JsonPath first = given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 2).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.target", contains("task:3", "request:b")).extract().jsonPath();
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("next_cursor")).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.target", contains("request:a"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("cursor", "garbage").when().get("/api/v1/audit")
                .then().statusCode(400).body("invalid_parameter", equalTo("cursor"));
    }

    @Test
    void actionsNeedAJsonBody() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.TEXT).body("x")
                .when().post("/api/v1/requests/a/retry").then().statusCode(415)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.Response post(String path) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{}").when().post(path);
    }

}
