package com.lendingops.taskbridge.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the bridge sees as incs: a reverse proxy in front of the simulator, as a load balancer, WAF or API gateway
 * would be. It can be down (connection refused: an incs outage) or answer pages of its own for a while (HTML and
 * JSON 404, 403, 502, as during a deploy window) instead of forwarding. It stamps every request's arrival, so the
 * rate budget is judged on what was sent to incs, including calls the gateway answered itself.
 * <p>
 * The suite's own driver for gateway pages; the simulator may learn them too (issue 8), and this class can then
 * give way to the simulator's admin switch without changing the trials.
 */
final class FaultGateway implements AutoCloseable {

    /** A page the gateway answers instead of incs. */
    record Page(int status, boolean html) {
        String body() {
            String reason = switch (status) {
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                default -> "Bad Gateway";
            };
            return html ? "<html><head><title>" + status + " " + reason + "</title></head><body><center><h1>" + status
                    + " " + reason + "</h1></center><hr><center>nginx</center></body></html>"
                    : "{\"message\":\"" + reason + "\",\"request_id\":\"chaos-gateway\"}";
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect");

    private final String upstream;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(64);
    private final List<Long> arrivals = new ArrayList<>();
    private HttpServer server;
    private volatile Page page;

    FaultGateway(String upstream, int port) {
        this.upstream = upstream;
        this.port = port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts listening (again); also ends an outage. */
    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        } catch (IOException e) {
            throw new IllegalStateException("gateway cannot listen on " + port, e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops listening: connections are refused, open ones closed (an incs outage). */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Answers {@code next} instead of forwarding, or forwards again with null. */
    void page(Page next) {
        this.page = next;
    }

    /** Arrival times (System.nanoTime) of every /external request so far. */
    synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    synchronized void clearArrivals() {
        arrivals.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().startsWith("/external")) {
                synchronized (this) {
                    arrivals.add(System.nanoTime());
                }
            }
            Page current = page;
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (current != null) {
                answer(exchange, current.status(), current.html() ? "text/html" : "application/json",
                        current.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw e; // upstream reset or timed out: the exchange is closed unanswered, a dropped connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer;
        try (InputStream in = response.body()) {
            answer = in.readAllBytes();
        }
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        down();
        workers.shutdownNow();
    }
}
