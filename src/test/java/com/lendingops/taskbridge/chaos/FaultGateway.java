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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the bridge sees as incs: a reverse proxy in front of the simulator, as a load balancer would be. It does the
 * two things the simulator cannot do itself: be down (connection refused: an incs outage; the simulator process
 * stays up with its tasks) and stamp every request's arrival before it reaches incs, so the rate budget is judged
 * on what the bridge sent, including calls answered by 429 or a gateway page. Gateway pages (HTML and JSON 404,
 * 403, 502) are the simulator's own gateway windows ({@link SimulatorAdmin#gatewayWindows}), not this proxy's.
 */
final class FaultGateway implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect");

    private final String upstream;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(64);
    private final List<Long> arrivals = new ArrayList<>();
    private HttpServer server;

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
            forward(exchange, exchange.getRequestBody().readAllBytes());
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

    @Override
    public void close() {
        down();
        workers.shutdownNow();
    }
}
