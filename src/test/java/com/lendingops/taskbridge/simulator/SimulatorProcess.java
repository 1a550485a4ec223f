package com.lendingops.taskbridge.simulator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The incs simulator in a JVM of its own, driven through its admin endpoints, for the tests that judge how
 * arrivals are spaced (the rate budget). In the test JVM, a garbage-collection pause that falls between a request
 * leaving the client and the simulator reading it stamps that arrival late by the whole pause (young pauses of
 * 100-175 ms were logged on a loaded 2-core machine), which bunches it with the next one although nothing was
 * sent early. incs does not stop when the client's JVM does; neither does this process. It runs with a small
 * heap and the serial collector, so its own pauses stay in the low milliseconds, and it ends with the JVM that
 * started it even if that one is killed.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String SHARED_URL = "taskbridge.test.simulator-process.url";

    private final String baseUrl;
    private final Process process;

    private SimulatorProcess(String baseUrl, Process process) {
        this.baseUrl = baseUrl;
        this.process = process;
    }

    /** Starts a simulator process with the test token on a free loopback port and waits until it answers. */
    public static SimulatorProcess start() {
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ChildSimulatorMain.class.getName(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--token", token());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "incs-simulator-" + port + ".log").toFile()).start();
            SimulatorProcess sim = new SimulatorProcess("http://127.0.0.1:" + port, process);
            await("simulator process on port " + port).atMost(Duration.ofSeconds(90))
                    .until(() -> !process.isAlive() || sim.answers());
            if (!process.isAlive()) {
                throw new IllegalStateException("simulator process ended, see target/incs-simulator-" + port + ".log");
            }
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The base URL of one process shared by every caller in this JVM, started on the first call. The URL is kept
     * in a system property because Quarkus may ask from a test profile loaded by another class loader.
     */
    public static String sharedBaseUrl() {
        synchronized (System.getProperties()) {
            String url = System.getProperty(SHARED_URL);
            if (url == null) {
                SimulatorProcess sim = start();
                Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "incs-simulator-process-stop"));
                url = sim.baseUrl();
                System.setProperty(SHARED_URL, url);
            }
            return url;
        }
    }

    /** The bearer token the process accepts: the same as the in-JVM simulator's. */
    public static String token() {
        return SimulatorConfig.defaults().token();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The admin endpoints of this process. */
    public Admin admin() {
        return new Admin(baseUrl);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean answers() {
        try {
            admin().counters();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin endpoints of a simulator reached over HTTP (see {@link AdminControlRoutes}). */
    public record Admin(String baseUrl) {

        /** Back to the start configuration: no tasks, no counters, no faults. */
        public void reset() {
            call("POST", "/admin/reset");
        }

        /** Forgets every request counted so far. */
        public void resetCounters() {
            call("POST", "/admin/counters/reset");
        }

        /** GET /admin/counters: requests by route and outcome, {@code max_requests_in_any_second}, ... */
        public JsonNode counters() {
            return call("GET", "/admin/counters");
        }

        /** PUT /admin/gateway: a gateway answers instead of incs for these windows, the first starting now. */
        public void gateway(List<GatewayWindows.Window> windows) {
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("windows");
            windows.forEach(window -> list.addObject().put("page", window.page().key())
                    .put("ms", window.length().toMillis()));
            call("PUT", "/admin/gateway", Json.write(body));
        }

        private JsonNode call(String method, String path) {
            return call(method, path, null);
        }

        private JsonNode call(String method, String path, String json) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode());
                }
                return response.body().isBlank() ? Json.object() : Json.parse(response.body().getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
