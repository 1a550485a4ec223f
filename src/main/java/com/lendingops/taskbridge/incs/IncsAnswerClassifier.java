package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.VertxException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Classifies one incs exchange by HTTP status <em>and</em> envelope {@code code}/{@code status}, because incs
 * may mirror an error code in the HTTP status or answer HTTP 200 with {@code "status":"error"}, and because what
 * answers is not always incs: a gateway in front of it (deploy window, WAF, proxy) answers with pages of its own.
 *
 * <p>Only an answer that says the request itself is wrong may reject it, since a rejection is final and loses the
 * event. Rules, first match wins:
 * <ol>
 * <li>HTTP 401 or 403, or code 10001 (or 401/403) → unauthorized: the token or this caller is refused; intake
 *     pauses until a call is accepted again.</li>
 * <li>HTTP or code 429 → unavailable, not ambiguous (refused before any work).</li>
 * <li>HTTP or code 408 or 5xx → unavailable, ambiguous.</li>
 * <li>A body that is not an incs envelope (not JSON, or JSON without the envelope's {@code code}/{@code status})
 *     → unavailable, ambiguous: whoever answered, it was not incs judging the request.</li>
 * <li>An error envelope (or a non-2xx status) is judged by its code: 4xx with "incomplete task" → phone busy;
 *     422, or 400 with a message → invalid; anything else (404, 405, 409, 400 without a message, ...) →
 *     unavailable, ambiguous.</li>
 * </ol>
 * "Ambiguous" means incs may have acted on the request; it is the safe default whenever that cannot be ruled out,
 * since it only costs the caller a lookup. Failures without an answer are classified by exception type only.
 */
final class IncsAnswerClassifier {

    /** Marker of the documented "User is in an incomplete task." answer, matched loosely. */
    static final String PHONE_BUSY_MARKER = "incomplete task";
    static final int CODE_CREDENTIAL_INVALID = 10001;
    private static final int NO_CODE = -1;

    private final ObjectMapper mapper;
    private final Duration retryAfterMax;

    IncsAnswerClassifier(ObjectMapper mapper, Duration retryAfterMax) {
        this.mapper = mapper;
        this.retryAfterMax = retryAfterMax;
    }

    /** Classifies an HTTP answer; {@code retryAfterHeader} is the raw header value, if any. */
    IncsAnswer classify(int httpStatus, String body, String retryAfterHeader, Instant now) {
        Optional<Duration> retryAfter = RetryAfterHeader.parse(retryAfterHeader, now, retryAfterMax);
        Optional<JsonNode> envelope = readEnvelope(body);
        int code = envelope.map(root -> codeOf(root.path("code"))).orElse(NO_CODE);
        String message = envelope.map(root -> root.path("message").asText("")).orElse("");
        String described = describe(httpStatus, code, message);
        if (isAuthProblem(httpStatus) || isAuthProblem(code) || code == CODE_CREDENTIAL_INVALID) {
            return failed(new CreateResult.Unauthorized(described));
        }
        if (httpStatus == 429 || code == 429) {
            return failed(new CreateResult.Unavailable("rate limited: " + described, false, retryAfter));
        }
        if (isServerSide(httpStatus) || isServerSide(code)) {
            return failed(new CreateResult.Unavailable("server error: " + described, true, retryAfter));
        }
        if (envelope.isEmpty()) {
            return failed(new CreateResult.Unavailable("not an incs answer (HTTP " + httpStatus + ")", true,
                    retryAfter));
        }
        boolean errorEnvelope = "error".equalsIgnoreCase(envelope.get().path("status").asText(""))
                || (code != NO_CODE && code != 200);
        boolean httpOk = httpStatus >= 200 && httpStatus < 300;
        if (errorEnvelope || !httpOk) {
            return byCode(code != NO_CODE && code != 200 ? code : httpStatus, message, retryAfter);
        }
        return new IncsAnswer.Ok(envelope.get().path("data"));
    }

    /** Classifies a call that produced no HTTP answer at all, by the types in its cause chain. */
    IncsAnswer classifyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // connect failures (connect timeouts included: Netty's is a ConnectException) mean nothing was sent
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return failed(new CreateResult.Unavailable("cannot connect: " + t.getClass().getSimpleName(), false,
                        Optional.empty()));
            }
            // Vert.x idle timeouts are java.util.concurrent ones; Mutiny's own (ifNoItem) is not a subtype of it
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return failed(new CreateResult.Unavailable("timeout", true, Optional.empty()));
            }
            if (t instanceof IOException || t instanceof VertxException) {
                return failed(new CreateResult.Unavailable("connection lost: " + t.getClass().getSimpleName(), true,
                        Optional.empty()));
            }
        }
        return failed(new CreateResult.Unavailable("call failed: " + failure.getClass().getSimpleName(), true,
                Optional.empty()));
    }

    private static IncsAnswer byCode(int code, String message, Optional<Duration> retryAfter) {
        if (code >= 400 && code < 500 && message.toLowerCase(Locale.ROOT).contains(PHONE_BUSY_MARKER)) {
            return failed(new CreateResult.PhoneBusy(message));
        }
        if (code == 422 || (code == 400 && !message.isBlank())) {
            return failed(new CreateResult.Invalid(code, message.isBlank() ? "code " + code : message));
        }
        return failed(new CreateResult.Unavailable("unexpected answer code " + code
                + (message.isBlank() ? "" : ": " + message), true, retryAfter));
    }

    /**
     * The incs envelope, if {@code body} is one: a JSON object with a numeric {@code code} or a {@code status} of
     * "success" or "error". Gateway pages (HTML, {@code {"message":"Forbidden"}}, Spring's numeric status) are not.
     */
    private Optional<JsonNode> readEnvelope(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            String status = node.path("status").isTextual() ? node.path("status").asText() : "";
            boolean incsStatus = status.equalsIgnoreCase("success") || status.equalsIgnoreCase("error");
            return incsStatus || codeOf(node.path("code")) != NO_CODE ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int codeOf(JsonNode code) {
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return code.intValue();
        }
        if (code.isTextual() && code.asText().trim().matches("\\d{1,9}")) {
            return Integer.parseInt(code.asText().trim());
        }
        return NO_CODE;
    }

    private static boolean isAuthProblem(int code) {
        return code == 401 || code == 403;
    }

    private static boolean isServerSide(int code) {
        return code == 408 || (code >= 500 && code < 600);
    }

    private static String describe(int httpStatus, int code, String message) {
        String text = "HTTP " + httpStatus + (code != NO_CODE ? ", code " + code : "");
        return message.isEmpty() ? text : text + ": " + message;
    }

    private static IncsAnswer failed(CreateResult result) {
        return new IncsAnswer.Failed(result, true);
    }
}
