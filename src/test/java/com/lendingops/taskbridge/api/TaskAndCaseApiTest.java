package com.lendingops.taskbridge.api;

import static com.lendingops.taskbridge.api.ApiFixtures.T0;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/tasks, /tasks/{task_id} and /cases/{case_id}. */
@QuarkusTest
class TaskAndCaseApiTest {

    @Inject
    IncsClient client;

    private final String caseId = ApiFixtures.newId("CASE");
    private final long first = ApiFixtures.newTaskId();
    private final long second = ApiFixtures.newTaskId();
    private final long third = ApiFixtures.newTaskId();
    /** Indonesian mobile, stored normalised; the API accepts it as 0815-…, +62 815 … and so on. */
    private final String phone = "628151234" + (1000 + (int) (System.nanoTime() % 9000));

    @BeforeEach
    void seed() {
        ApiFixtures.cleanStart(client);
        ApiFixtures.request("e-1", caseId, phone, "created", T0, null, null, first);
        ApiFixtures.task(first, "e-1", caseId, phone, 2, "incs_1", T0);
        ApiFixtures.log(first, 1, null, 0, null, T0);
        ApiFixtures.log(first, 4, null, null, "customer promised to pay", T0.plusMinutes(1));
        ApiFixtures.log(first, 3, 0, 2, null, T0.plusMinutes(2));
        ApiFixtures.outbox("collection.task.created", caseId, "e-1", first, T0, true);
        ApiFixtures.outbox("collection.task.status-changed", caseId, "e-1", first, T0.plusMinutes(2), true);
        ApiFixtures.request("e-2", caseId, phone, "created", T0.plusHours(1), null, null, second);
        ApiFixtures.task(second, "e-2", caseId, phone, 0, "incs_2", T0.plusHours(1));
        ApiFixtures.request("e-3", "OTHER-" + caseId, "628119999" + phone.substring(9), "created", T0.plusHours(2),
                null, null, third);
        ApiFixtures.task(third, "e-3", "OTHER-" + caseId, "628119999" + phone.substring(9), 1, "incs_1",
                T0.plusHours(2));
    }

    @Test
    void aPhoneInAnotherSpellingFindsTheTasksNewestFirst() {
        String national = "0" + phone.substring(2, 5) + "-" + phone.substring(5, 9) + "-" + phone.substring(9);
        given().auth().oauth2(TestTokens.operator()).queryParam("phone", national).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(second, first));
        given().auth().oauth2(TestTokens.operator()).queryParam("phone", "+" + phone.substring(0, 2) + " "
                        + phone.substring(2)).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(second, first));
    }

    @Test
    void filtersByStatusAssigneeAndCreationTime() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "completed").when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(first));
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "1").when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(third));
        given().auth().oauth2(TestTokens.viewer()).queryParam("assignee", "incs_1").when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(third, first));
        given().auth().oauth2(TestTokens.viewer()).queryParam("created_from", T0.plusMinutes(30).toString())
                .queryParam("created_to", T0.plusMinutes(90).toString()).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(second));
    }

    @Test
    void tasksComeInKeysetPages() {
        JsonPath page1 = given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 2).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(third, second))
                .body("next_cursor", notNullValue()).extract().jsonPath();
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("next_cursor")).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.task_id", contains(first)).body("next_cursor", nullValue());
    }

    @Test
    void badTaskParametersAre400ProblemsNamingTheParameter() {
        for (String[] bad : new String[][] {{"phone", "12"}, {"status", "archived"}, {"created_from", "soon"},
                {"created_to", "2026-13-01"}, {"limit", "500"}, {"cursor", "@@"}}) {
            given().auth().oauth2(TestTokens.viewer()).queryParam(bad[0], bad[1]).when().get("/api/v1/tasks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("invalid_parameter", equalTo(bad[0]));
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/tasks/not-a-number").then().statusCode(400)
                .body("invalid_parameter", equalTo("task_id"));
    }

    @Test
    void oneTaskWithItsTimelineAnd404ForAnUnknownOne() {
        JsonPath body = given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/tasks/" + first)
                .then().statusCode(200).body("task.status_name", equalTo("completed"))
                .body("task.user_phone", equalTo("*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4)))
                .extract().jsonPath();
        assertThat(body.getList("timeline.title", String.class)).contains("incs: task created", "incs: remark",
                "incs: status changed", "collection.task.created", "collection.task.status-changed");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/tasks/1").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCaseShowsEveryRequestTaskLogAndEventInTimeOrder() {
        JsonPath body = given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).body("requests.event_id", contains("e-1", "e-2"))
                .body("tasks.task_id", contains(first, second)).extract().jsonPath();
        assertThat(body.getList("timeline.kind", String.class)).contains("request", "incs_log", "event");
        // Oldest first, to the second (incs stamps logs to the second; within one, causes before effects).
        assertThat(body.getList("timeline.at", String.class)).isSortedAccordingTo(
                java.util.Comparator.comparing(at -> java.time.OffsetDateTime.parse(at)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(body.getList("timeline.findAll { it.kind == 'incs_log' }.detail", String.class))
                .contains("customer promised to pay", "not_started → completed");
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/cases/NO-SUCH-CASE").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("case NO-SUCH-CASE is not known"));
    }
}
