package com.lendingops.taskbridge.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every /api and /console route needs a valid token with a role; health, metrics and OpenAPI stay open. */
@QuarkusTest
class ApiAuthenticationTest {

    private static final String[] READ_ROUTES = {"/api/v1/requests", "/api/v1/requests/e-1", "/api/v1/cases/c-1",
            "/api/v1/tasks", "/api/v1/tasks/1", "/api/v1/summary", "/api/v1/audit", "/api/v1/dead-letters",
            "/api/v1/me", "/console"};

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/requests", "/api/v1/requests/e-1", "/api/v1/cases/c-1", "/api/v1/tasks",
            "/api/v1/tasks/1", "/api/v1/summary", "/api/v1/audit", "/api/v1/dead-letters", "/api/v1/me", "/console",
            "/console/assets/console.js"})
    void everyReadRouteRefusesARequestWithoutToken(String route) {
        given().when().get(route).then().statusCode(401);
    }

    @Test
    void aMissingTokenIsAProblemDocumentWithABearerChallenge() {
        given().when().get("/api/v1/summary").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        given().auth().oauth2(TestTokens.expired(Set.of("operator"))).when().get("/api/v1/summary")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        given().auth().oauth2(TestTokens.fromIssuer("https://somebody.else", Set.of("operator")))
                .when().get("/api/v1/summary").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = TestTokens.signedWith(generator.generateKeyPair().getPrivate(), TestTokens.ISSUER, "mallory",
                Set.of("operator"), Duration.ofHours(1));
        given().auth().oauth2(forged).when().get("/api/v1/summary").then().statusCode(401);
    }

    @Test
    void aTokenWithoutEitherRoleIsForbiddenEverywhere() {
        String noRole = TestTokens.token("nobody", Set.of("accountant"));
        for (String route : READ_ROUTES) {
            given().auth().oauth2(noRole).when().get(route).then().statusCode(403);
        }
        given().auth().oauth2(noRole).when().get("/api/v1/summary").then()
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/requests/e-1/retry", "/api/v1/requests/e-1/cancel", "/api/v1/tasks/1/resync",
            "/api/v1/dead-letters/replay"})
    void aViewerMayNotAct(String route) {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{}")
                .when().post(route).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aViewerAndAnOperatorMayRead() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("victor.viewer")).body("operator", equalTo(false));
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("olivia.operator")).body("operator", equalTo(true));
    }

    @Test
    void theTokenMayComeAsTheConsoleCookie() {
        given().cookie("bridge_token", TestTokens.viewer()).when().get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("victor.viewer"));
    }

    @Test
    void healthMetricsOpenApiAndTheSignInPageNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/requests/{event_id}/retry"))
                .body("components.schemas.RequestView.properties", org.hamcrest.Matchers.hasKey("event_id"));
        given().when().get("/console/sign-in").then().statusCode(200).body(containsString("bridge_token"));
    }
}
