package com.lendingops.taskbridge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.lendingops.taskbridge.deadletter.DeadLetterReplayer;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/dead-letters and POST /dead-letters/replay on the real broker. */
@QuarkusTest
class DeadLetterApiTest {

    @Inject
    IncsClient client;

    private final String caseId = ApiFixtures.newId("CASE");

    @BeforeEach
    void clean() {
        ApiFixtures.cleanStart(client);
    }

    @Test
    void listsTheNewestDeadLettersWithReasonKeyPreviewAndPosition() {
        Map<String, Object> letter = deadLetterFor("this is not JSON");
        assertThat(letter.get("value_preview")).isEqualTo("this is not JSON");
        assertThat(letter.get("reason")).isNotNull();
        assertThat(letter.get("code")).isNotNull();
        assertThat(letter.get("timestamp")).isNotNull();
        assertThat(letter).containsKeys("partition", "offset", "headers");
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 1).when().get("/api/v1/dead-letters")
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 201).when().get("/api/v1/dead-letters")
                .then().statusCode(400).body("invalid_parameter", equalTo("limit"));
    }

    @Test
    void aViewerSeesPhonesInThePreviewMasked() {
        String value = "{\"event_id\":\"" + caseId + "\",\"customer\":{\"phone\":\"+62 815-1234-5678\"}}";
        deadLetterFor(value);
        String asViewer = previewAs(TestTokens.viewer());
        assertThat(asViewer).contains("*******5678").doesNotContain("815-1234");
        assertThat(previewAs(TestTokens.operator())).contains("+62 815-1234-5678");
    }

    @Test
    void replayingACorrectedDeadLetterCreatesTheRequestAndNamesItsOrigin() {
        Map<String, Object> letter = deadLetterFor("{\"event_id\": broken");
        String eventId = ApiFixtures.newId("evt");
        String corrected = ApiFixtures.event(eventId, caseId, "0815 " + ApiFixtures.newPhone().substring(5));
        int partition = (Integer) letter.get("partition");
        long offset = ((Number) letter.get("offset")).longValue();

        JsonPath answer = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("partition", partition, "offset", offset, "value", corrected))))
                .when().post("/api/v1/dead-letters/replay").then().statusCode(200)
                .body("results[0].outcome", equalTo("replayed")).body("results[0].corrected", equalTo(true))
                .extract().jsonPath();

        await().atMost(ApiFixtures.WAIT).until(() -> ApiFixtures.state(eventId) != null);
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            ConsumerRecord<String, String> replayed = kafka.awaitRecords(ApiFixtures.INPUT_TOPIC, 1,
                    r -> r.value() != null && r.value().contains(eventId)).get(0);
            assertThat(KafkaTestClient.header(replayed, DeadLetterReplayer.REPLAYED_FROM))
                    .isEqualTo(ApiFixtures.DEAD_LETTER_TOPIC + "/" + partition + "/" + offset);
            assertThat(KafkaTestClient.header(replayed, DeadLetterReplayer.REPLAYED_BY)).isEqualTo("olivia.operator");
            assertThat(replayed.key()).isEqualTo(caseId);
            assertThat(replayed.offset()).isEqualTo(answer.getLong("results[0].input_offset"));
        }
        given().auth().oauth2(TestTokens.viewer()).queryParam("target", "dead-letter:" + partition + "/" + offset)
                .when().get("/api/v1/audit").then().statusCode(200).body("items[0].action", equalTo("replay"))
                .body("items[0].outcome", equalTo("done"));
    }

    @Test
    void replayReportsRecordsThatAreNotThereAndRefusesAnEmptyRequest() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("partition", 0, "offset", 999_999_999L))))
                .when().post("/api/v1/dead-letters/replay").then().statusCode(200)
                .body("results[0].outcome", equalTo("not_found"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"records\":[]}")
                .when().post("/api/v1/dead-letters/replay").then().statusCode(400)
                .contentType("application/problem+json").body("invalid_parameter", equalTo("records"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"records\":[{\"partition\":0}]}")
                .when().post("/api/v1/dead-letters/replay").then().statusCode(400)
                .body("invalid_parameter", equalTo("records.offset"));
    }

    /** Sends an unreadable record keyed by this test's case and returns its entry in the list. */
    private Map<String, Object> deadLetterFor(String value) {
        ApiFixtures.send(ApiFixtures.INPUT_TOPIC, caseId, value);
        return await().atMost(ApiFixtures.WAIT).until(() -> listed(TestTokens.operator()), letter -> letter != null);
    }

    private Map<String, Object> listed(String token) {
        List<Map<String, Object>> letters = given().auth().oauth2(token).queryParam("limit", 200)
                .when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath().getList("$");
        return letters.stream().filter(l -> caseId.equals(l.get("key"))).findFirst().orElse(null);
    }

    private String previewAs(String token) {
        return (String) listed(token).get("value_preview");
    }
}
