package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client for the simulator's own tests: incs calls with the bearer token, admin calls. */
final class SimulatorClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One answer: HTTP status, headers, the parsed JSON body (missing when not JSON) and the raw body. */
    record Reply(int status, HttpHeaders headers, JsonNode body, String raw) {
        int code() {
            return body.path("code").asInt();
        }

        String message() {
            return body.path("message").asText();
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    private final IncsSimulator sim;

    SimulatorClient(IncsSimulator sim) {
        this.sim = sim;
    }

    Reply createTask(JsonNode body) {
        return createTask(Json.write(body), sim.token());
    }

    Reply createTask(String body, String token) {
        return send(post(body, token).build());
    }

    /** Sends a create call that is expected to fail at the connection level; returns the exception. */
    Exception createTaskExpectingFailure(JsonNode body, Duration timeout) {
        try {
            sendOrThrow(post(Json.write(body), sim.token()).timeout(timeout).build());
            throw new AssertionError("the request got an answer");
        } catch (IOException e) {
            return e;
        }
    }

    Reply listTasks(String query) {
        return listTasks(query, sim.token());
    }

    Reply listTasks(String query, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/external/tasks?" + query))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply admin(String method, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpRequest.Builder post(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/external/tasks")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create(sim.baseUrl() + path);
    }

    private Reply send(HttpRequest request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode jsonOrMissing(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    private Reply sendOrThrow(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), jsonOrMissing(response.body()),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
