package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The incs simulator process's /admin endpoints (see simulator.AdminControlRoutes and AdminApiHandler), as the
 * suite uses them: reset, the task timeline, fault settings of the POST route, "fail the next N", the rate limit,
 * gateway windows, counters and the task list. The POST latency is the maximum any active fault asks for, so two faults that
 * slow incs down can overlap without one undoing the other.
 */
final class SimulatorAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final java.util.Map<Object, Long> postLatencies = new java.util.concurrent.ConcurrentHashMap<>();

    SimulatorAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** No tasks, no counters, no faults; tasks start 1.5 s after creation, remark every 2 s, end after 5 s. */
    void resetForTrial() {
        postLatencies.clear();
        call("POST", "/admin/reset", null);
        call("PUT", "/admin/timeline", "{\"enabled\":true,\"start_after_ms\":1500,\"remark_every_ms\":2000,"
                + "\"remarks\":[\"Customer contacted\",\"Customer promised to pay\"],\"finish_after_ms\":5000,"
                + "\"terminate_fraction\":0.2}");
    }

    /** Sets (or with {@code millis} 0 removes) the POST latency asked for by {@code owner}. */
    synchronized void postLatency(Object owner, long millis) {
        if (millis <= 0) {
            postLatencies.remove(owner);
        } else {
            postLatencies.put(owner, millis);
        }
        long latency = postLatencies.values().stream().mapToLong(Long::longValue).max().orElse(0);
        call("PUT", "/admin/faults", "{\"route\":\"POST\",\"latency_ms\":" + latency + "}");
    }

    /** The next {@code count} POSTs create their task and then lose the answer ({@code drop_after_create} etc.). */
    void failNextCreates(String fault, int count) {
        call("POST", "/admin/faults/next", "{\"route\":\"POST\",\"fault\":\"" + fault + "\",\"count\":" + count + "}");
    }

    /** 429 beyond {@code perSecond} requests per second (0: off), with or without Retry-After. */
    void rateLimit(int perSecond, boolean retryAfter) {
        call("PUT", "/admin/rate-limit", "{\"requests_per_second\":" + perSecond + ",\"retry_after\":" + retryAfter + "}");
    }

    /**
     * A gateway in front of incs answers its own pages instead of incs (the simulator's gateway windows), one
     * window of {@code millis} per page in turn, the first starting now; incs never sees those requests.
     */
    void gatewayWindows(java.util.List<String> pages, long millis) {
        String windows = String.join(",", pages.stream()
                .map(page -> "{\"page\":\"" + page + "\",\"ms\":" + millis + "}").toList());
        call("PUT", "/admin/gateway", "{\"windows\":[" + windows + "]}");
    }

    /** incs answers again: every gateway window still to come is dropped. */
    void clearGatewayWindows() {
        call("DELETE", "/admin/gateway", null);
    }

    JsonNode counters() {
        return call("GET", "/admin/counters", null);
    }

    /** Every task, with its logs. */
    JsonNode tasks() {
        return call("GET", "/admin/tasks", null);
    }

    private JsonNode call(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return EventTemplate.JSON.readTree(response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
