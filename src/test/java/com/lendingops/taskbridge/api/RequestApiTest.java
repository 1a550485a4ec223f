package com.lendingops.taskbridge.api;

import static com.lendingops.taskbridge.api.ApiFixtures.T0;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/requests and /requests/{event_id}: filters, keyset pages, timeline, masking and errors. */
@QuarkusTest
class RequestApiTest {

    @Inject
    IncsClient client;

    private String phone;
    private String caseId;

    @BeforeEach
    void seed() {
        ApiFixtures.cleanStart(client);
        phone = ApiFixtures.newPhone();
        caseId = ApiFixtures.newId("CASE");
        long taskId = ApiFixtures.newTaskId();
        ApiFixtures.request("e-created", caseId, phone, "created", T0, null, null, taskId);
        ApiFixtures.task(taskId, "e-created", caseId, phone, 1, "incs_1", T0.plusSeconds(2));
        ApiFixtures.log(taskId, 3, 0, 1, null, T0.plusMinutes(5));
        ApiFixtures.outbox("collection.task.created", caseId, "e-created", taskId, T0.plusSeconds(2), true);
        ApiFixtures.outbox("collection.task.status-changed", caseId, "e-created", taskId, T0.plusMinutes(5), false);
        for (int i = 1; i <= 5; i++) {
            ApiFixtures.request("e-deferred-" + i, "CASE-D-" + i, ApiFixtures.newPhone(), "deferred", T0.plusMinutes(i),
                    "User is in an incomplete task.", "{}", null);
        }
        ApiFixtures.request("e-rejected", caseId, phone, "rejected", T0.plusHours(1), "invalid phone", null, null);
    }

    @Test
    void oneRequestShowsStateAttemptsTaskAndTimeline() {
        JsonPath body = given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/requests/e-created")
                .then().statusCode(200)
                .body("request.state", equalTo("created")).body("request.attempts", equalTo(1))
                .body("request.user_phone", equalTo(phone)).body("task.status_name", equalTo("in_progress"))
                .extract().jsonPath();
        assertThat(body.getList("timeline.title", String.class)).contains("received", "state created",
                "incs: status changed", "collection.task.created", "collection.task.status-changed");
        // Published or still pending (the relay runs during the test): every event says which.
        assertThat(body.getList("timeline.findAll { it.kind == 'event' }.pending", Boolean.class)).hasSize(2)
                .doesNotContainNull();
        assertThat(body.getString("timeline.find { it.title == 'collection.task.created' }.published_at"))
                .isNotNull();
    }

    @Test
    void anUnknownEventIdIsA404Problem() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/requests/no-such-event")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("request no-such-event is not known"))
                .body("instance", equalTo("/api/v1/requests/no-such-event"));
    }

    @Test
    void deferredRequestsComeOldestFirstInKeysetPages() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.viewer()).queryParam("state", "deferred")
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/requests").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.event_id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("e-deferred-1", "e-deferred-2", "e-deferred-3", "e-deferred-4",
                "e-deferred-5");
    }

    @Test
    void filtersByCaseAndSince() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("case_id", caseId).when().get("/api/v1/requests")
                .then().statusCode(200).body("items.event_id", contains("e-created", "e-rejected"))
                .body("next_cursor", nullValue());
        given().auth().oauth2(TestTokens.viewer()).queryParam("since", T0.plusMinutes(4).toString())
                .when().get("/api/v1/requests")
                .then().statusCode(200).body("items.event_id", contains("e-deferred-4", "e-deferred-5", "e-rejected"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("since", "2026-04-17").when().get("/api/v1/requests")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aViewerSeesOnlyTheLastFourDigitsOfPhones() {
        String masked = "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/requests/e-created").then().statusCode(200)
                .body("request.user_phone", equalTo(masked)).body("task.user_phone", equalTo(masked));
        given().auth().oauth2(TestTokens.viewer()).queryParam("case_id", caseId).when().get("/api/v1/requests")
                .then().body("items.user_phone", hasItems(masked));
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        assertBadParameter("state", "deleted");
        assertBadParameter("limit", "0");
        assertBadParameter("limit", "201");
        assertBadParameter("limit", "many");
        assertBadParameter("since", "yesterday");
        assertBadParameter("cursor", "not-a-cursor");
    }

    private static void assertBadParameter(String name, String value) {
        given().auth().oauth2(TestTokens.viewer()).queryParam(name, value).when().get("/api/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalid_parameter", equalTo(name)).body("status", equalTo(400));
    }
}
