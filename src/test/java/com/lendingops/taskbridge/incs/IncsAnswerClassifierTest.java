package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure mapping (HTTP status, body, Retry-After) → CreateResult, in both response styles incs may use. */
class IncsAnswerClassifierTest {

    private static final Instant NOW = Instant.parse("2026-04-16T09:00:00Z");
    private static final String CREATED = """
            {"status":"success","code":200,"message":"","data":{"id":9001,"creation_id":77,"auth_id":30058,
            "name":"Collection C-1","user_phone":"6281512341234","assignee_username":"incs_1",
            "conversation_id":555,"status":0,"created_at":"2026-04-16 16:00:00","logs":[{"id":1,"type":1}]},
            "error":{}}""";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final IncsAnswerClassifier classifier = new IncsAnswerClassifier(MAPPER, Duration.ofMinutes(1));
    private final IncsPayloads payloads = new IncsPayloads(MAPPER);

    private CreateResult create(int status, String body) {
        return create(status, body, null);
    }

    private CreateResult create(int status, String body, String retryAfter) {
        return payloads.toCreateResult(classifier.classify(status, body, retryAfter, NOW));
    }

    private static String error(int code, String message) {
        return "{\"status\":\"error\",\"code\":" + code + ",\"message\":\"" + message + "\",\"data\":{},\"error\":{}}";
    }

    @Test
    void successAnswerBecomesCreatedWithEveryTaskField() {
        CreateResult result = create(200, CREATED);

        assertThat(result).isInstanceOf(CreateResult.Created.class);
        IncsTaskView task = ((CreateResult.Created) result).task();
        assertThat(task.id()).isEqualTo(9001L);
        assertThat(task.creationId()).isEqualTo(77L);
        assertThat(task.conversationId()).isEqualTo("555");
        assertThat(task.userPhone()).isEqualTo("6281512341234");
        assertThat(task.logsOrEmpty()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400})
    void incompleteTaskAnswerIsPhoneBusyInBothStyles(int httpStatus) {
        assertThat(create(httpStatus, error(400, "User is in an incomplete task.")))
                .isEqualTo(new CreateResult.PhoneBusy("User is in an incomplete task."));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 422})
    void validationErrorIsInvalidWithTheApiMessageInBothStyles(int httpStatus) {
        assertThat(create(httpStatus, error(422, "The phone number is invalid.")))
                .isEqualTo(new CreateResult.Invalid(422, "The phone number is invalid."));
    }

    @Test
    void generalErrorWithAValidationMessageIsInvalid() {
        assertThat(create(200, error(400, "name is required"))).isEqualTo(new CreateResult.Invalid(400, "name is required"));
        assertThat(create(400, error(400, "name is required"))).isEqualTo(new CreateResult.Invalid(400, "name is required"));
    }

    @Test
    void generalErrorWithoutAMessageSaysNothingAboutTheRequestAndIsUnavailable() {
        assertUnavailableAndAmbiguous(create(400, error(400, "")));
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 409, 410, 413, 451})
    void otherClientErrorsInTheIncsEnvelopeAreUnavailableNeverInvalid(int code) {
        assertUnavailableAndAmbiguous(create(code, error(code, "Not Found.")));
        assertUnavailableAndAmbiguous(create(200, error(code, "Not Found.")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 409, 422})
    void clientErrorStatusWithAGatewayHtmlPageIsUnavailable(int httpStatus) {
        assertUnavailableAndAmbiguous(create(httpStatus,
                "<html><head><title>" + httpStatus + "</title></head><body><center>nginx</center></body></html>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"timestamp\":\"2026-04-07T10:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/external/tasks\"}",
        "{\"message\":\"no Route matched with those values\"}",
        "{\"error\":\"not_found\"}",
        "[]"})
    void clientErrorStatusWithANonIncsJsonBodyIsUnavailable(String body) {
        assertUnavailableAndAmbiguous(create(404, body));
        assertUnavailableAndAmbiguous(create(400, body));
    }

    @Test
    void successStatusWithANonIncsJsonBodyIsUnavailable() {
        assertUnavailableAndAmbiguous(create(200, "{\"message\":\"ok\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html><body><h1>Access denied</h1></body></html>", "{\"message\":\"Forbidden\"}"})
    void forbiddenIsAnAuthProblemWhateverTheBody(String body) {
        assertThat(create(403, body)).isInstanceOf(CreateResult.Unauthorized.class);
    }

    @Test
    void forbiddenCodeInsideHttp200IsAnAuthProblem() {
        assertThat(create(200, error(403, "Forbidden."))).isInstanceOf(CreateResult.Unauthorized.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>502 Bad Gateway</html>", "{\"message\":\"An invalid response was received\"}", ""})
    void badGatewayIsUnavailableAndAmbiguousWhateverTheBody(String body) {
        assertUnavailableAndAmbiguous(create(502, body));
    }

    @Test
    void incompleteTaskIsPhoneBusyNotInvalid() {
        assertThat(create(400, error(400, "User is in an incomplete task.")))
                .isInstanceOf(CreateResult.PhoneBusy.class);
    }

    private static void assertUnavailableAndAmbiguous(CreateResult result) {
        assertThat(result).isInstanceOf(CreateResult.Unavailable.class);
        assertThat(((CreateResult.Unavailable) result).ambiguous()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 401})
    void credentialInvalidCodeIsUnauthorizedInBothStyles(int httpStatus) {
        assertThat(create(httpStatus, error(10001, "Unauthenticated."))).isInstanceOf(CreateResult.Unauthorized.class);
    }

    @Test
    void http401WithoutBodyIsUnauthorized() {
        assertThat(create(401, "")).isInstanceOf(CreateResult.Unauthorized.class);
    }

    @Test
    void tooManyAttemptsIsUnavailableNotAmbiguousWithRetryAfterSeconds() {
        assertThat(create(429, error(429, "Too Many Attempts."), "3"))
                .isEqualTo(new CreateResult.Unavailable("rate limited: HTTP 429, code 429: Too Many Attempts.", false,
                        Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void tooManyAttemptsInsideHttp200IsUnavailableNotAmbiguous() {
        CreateResult result = create(200, error(429, "Too Many Attempts."));
        assertThat(result).isInstanceOf(CreateResult.Unavailable.class);
        assertThat(((CreateResult.Unavailable) result).ambiguous()).isFalse();
    }

    @Test
    void retryAfterAsHttpDateBecomesTheRemainingWait() {
        CreateResult result = create(503, "", "Thu, 16 Apr 2026 09:00:07 GMT");
        assertThat(((CreateResult.Unavailable) result).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void serverErrorsAndRequestTimeoutAreUnavailableAndAmbiguous(int httpStatus) {
        CreateResult result = create(httpStatus, "<html>Bad Gateway</html>");
        assertThat(result).isInstanceOf(CreateResult.Unavailable.class);
        assertThat(((CreateResult.Unavailable) result).ambiguous()).isTrue();
    }

    @Test
    void serverErrorCodeInsideHttp200IsUnavailableAndAmbiguous() {
        CreateResult result = create(200, error(500, "Server Error"));
        assertThat(((CreateResult.Unavailable) result).ambiguous()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "[1,2]", "{\"status\":\"success\",\"code\":200,\"data\":{}}"})
    void unreadableOrTaskLessSuccessIsUnavailableAndAmbiguous(String body) {
        CreateResult result = create(200, body);
        assertThat(result).isInstanceOf(CreateResult.Unavailable.class);
        assertThat(((CreateResult.Unavailable) result).ambiguous()).isTrue();
    }

    @Test
    void listAnswerToleratesMissingTaskFields() throws Exception {
        IncsAnswer answer = classifier.classify(200,
                "{\"status\":\"success\",\"code\":200,\"data\":{\"total\":\"7\",\"data\":[{\"id\":1},{\"id\":2,\"logs\":[]}]}}",
                null, NOW);
        TaskPage page = payloads.toTaskPage(((IncsAnswer.Ok) answer).data());
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.tasks()).extracting(IncsTaskView::id).containsExactly(1L, 2L);
        assertThat(page.tasks().get(0).logsOrEmpty()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"total\":0}", "{\"data\":[]}", "{\"total\":1,\"data\":{}}",
        "{\"total\":1,\"data\":null}", "{\"total\":\"many\",\"data\":[]}", "{\"total\":2,\"data\":[1,2]}",
        "{\"total\":1,\"data\":[{\"name\":\"no id\"}]}", "[]", "null"})
    void listAnswerWithoutTheDocumentedShapeIsAFailureNeverAnEmptyPage(String data) {
        IncsAnswer answer = classifier.classify(200,
                "{\"status\":\"success\",\"code\":200,\"message\":\"\",\"data\":" + data + "}", null, NOW);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> payloads.toTaskPage(((IncsAnswer.Ok) answer).data()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void emptyListAnswerOfTheDocumentedShapeIsAnEmptyPage() throws Exception {
        IncsAnswer answer = classifier.classify(200,
                "{\"status\":\"success\",\"code\":200,\"data\":{\"total\":0,\"data\":[]}}", null, NOW);

        assertThat(payloads.toTaskPage(((IncsAnswer.Ok) answer).data()).tasks()).isEmpty();
    }

    @Test
    void hugeRetryAfterIsCapped() {
        CreateResult result = create(429, error(429, "Too Many Attempts."), "99999999999999999999");
        assertThat(((CreateResult.Unavailable) result).retryAfter()).contains(Duration.ofMinutes(1));
    }
}
