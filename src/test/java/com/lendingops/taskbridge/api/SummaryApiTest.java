package com.lendingops.taskbridge.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/summary: what the console's live panel shows. */
@QuarkusTest
class SummaryApiTest {

    @Inject
    IncsClient client;

    @BeforeEach
    void seed() {
        ApiFixtures.cleanStart(client);
        OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        ApiFixtures.request("s-1", "C-1", ApiFixtures.newPhone(), "deferred", hourAgo, "busy", "{}", null);
        ApiFixtures.request("s-2", "C-2", ApiFixtures.newPhone(), "deferred", hourAgo.plusMinutes(30), "busy", "{}",
                null);
        ApiFixtures.request("s-3", "C-3", ApiFixtures.newPhone(), "rejected", hourAgo, "invalid", null, null);
        ApiFixtures.request("s-4", "C-4", ApiFixtures.newPhone(), "created", hourAgo, null, null, null);
    }

    @Test
    void countsEveryStateAndReportsTheOldestDeferralAndTheHealthOfItsParts() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/summary").then().statusCode(200)
                .body("requests.deferred", equalTo(2)).body("requests.rejected", equalTo(1))
                .body("requests.created", equalTo(1)).body("requests.failed", equalTo(0))
                .body("requests.received", equalTo(0)).body("requests.submitting", equalTo(0))
                .body("oldest_deferred_seconds", greaterThanOrEqualTo(3590))
                .body("outbox_pending", greaterThanOrEqualTo(0)).body("outbox_lag_seconds", greaterThanOrEqualTo(0f))
                .body("dead_letters", greaterThanOrEqualTo(0))
                .body("incs.available", equalTo(true)).body("incs.circuit_open", equalTo(false))
                .body("incs.token_rejected", equalTo(false))
                .body("sync.this_replica", notNullValue()).body("at", notNullValue());
    }
}
