package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies one incs exchange by HTTP status <em>and</em> envelope {@code code}/{@code status}, because incs
 * may mirror an error code in the HTTP status or answer HTTP 200 with {@code "status":"error"}.
 *
 * <p>Rules, first match wins: 401 or code 10001 → unauthorized; 429 → unavailable, not ambiguous (refused
 * before any work); 408 or 5xx → unavailable, ambiguous; unreadable body → unavailable, ambiguous; an error
 * envelope (or a non-2xx status) → by its code: 4xx carrying "incomplete task" → phone busy, other 4xx →
 * invalid, anything else → unavailable, ambiguous. "Ambiguous" means incs may have acted on the request; it is
 * the safe default whenever that cannot be ruled out, since it only costs the caller a lookup.
 */
final class IncsAnswerClassifier {

    /** Marker of the documented "User is in an incomplete task." answer, matched loosely. */
    static final String PHONE_BUSY_MARKER = "incomplete task";
    static final int CODE_CREDENTIAL_INVALID = 10001;

    private final ObjectMapper mapper;

    IncsAnswerClassifier(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Classifies an HTTP answer; {@code retryAfterHeader} is the raw header value, if any. */
    IncsAnswer classify(int httpStatus, String body, String retryAfterHeader, Instant now) {
        Optional<Duration> retryAfter = RetryAfterHeader.parse(retryAfterHeader, now);
        JsonNode root = readEnvelope(body);
        int code = root == null ? -1 : codeOf(root.path("code"));
        String message = root == null ? "" : root.path("message").asText("");
        if (httpStatus == 401 || code == CODE_CREDENTIAL_INVALID) {
            return failed(new CreateResult.Unauthorized(describe(httpStatus, code, message)));
        }
        if (httpStatus == 429 || code == 429) {
            return failed(new CreateResult.Unavailable("rate limited: " + describe(httpStatus, code, message),
                    false, retryAfter));
        }
        if (isServerSide(httpStatus) || isServerSide(code)) {
            return failed(new CreateResult.Unavailable("server error: " + describe(httpStatus, code, message),
                    true, retryAfter));
        }
        if (root == null) {
            return failed(new CreateResult.Unavailable("unreadable response body (HTTP " + httpStatus + ")", true,
                    retryAfter));
        }
        boolean errorEnvelope = "error".equalsIgnoreCase(root.path("status").asText(""))
                || (code != -1 && code != 200);
        boolean httpOk = httpStatus >= 200 && httpStatus < 300;
        if (errorEnvelope || !httpOk) {
            return byCode(code != -1 && code != 200 ? code : httpStatus, message, retryAfter);
        }
        return new IncsAnswer.Ok(root.path("data"));
    }

    /** Classifies a call that produced no HTTP answer at all. */
    IncsAnswer classifyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            // connect failures (including connect timeouts) mean nothing was sent
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return failed(new CreateResult.Unavailable("cannot connect: " + t.getClass().getSimpleName(), false,
                        Optional.empty()));
            }
            if (type.contains("Timeout")) {
                return failed(new CreateResult.Unavailable("timeout", true, Optional.empty()));
            }
            if (t instanceof IOException || type.endsWith("HttpClosedException")
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connection")) {
                return failed(new CreateResult.Unavailable("connection lost: " + t.getClass().getSimpleName(), true,
                        Optional.empty()));
            }
        }
        return failed(new CreateResult.Unavailable("call failed: " + failure.getClass().getSimpleName(), true,
                Optional.empty()));
    }

    private static IncsAnswer byCode(int code, String message, Optional<Duration> retryAfter) {
        if (code >= 400 && code < 500) {
            if (message.toLowerCase(Locale.ROOT).contains(PHONE_BUSY_MARKER)) {
                return failed(new CreateResult.PhoneBusy(message));
            }
            return failed(new CreateResult.Invalid(code, message.isEmpty() ? "code " + code : message));
        }
        return failed(new CreateResult.Unavailable("unexpected answer code " + code + ": " + message, true,
                retryAfter));
    }

    private JsonNode readEnvelope(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int codeOf(JsonNode code) {
        if (code.isIntegralNumber()) {
            return code.intValue();
        }
        if (code.isTextual() && code.asText().trim().matches("\\d{1,9}")) {
            return Integer.parseInt(code.asText().trim());
        }
        return -1;
    }

    private static boolean isServerSide(int code) {
        return code == 408 || (code >= 500 && code < 600);
    }

    private static String describe(int httpStatus, int code, String message) {
        String text = "HTTP " + httpStatus + (code != -1 ? ", code " + code : "");
        return message.isEmpty() ? text : text + ": " + message;
    }

    private static IncsAnswer failed(CreateResult result) {
        return new IncsAnswer.Failed(result, true);
    }
}
