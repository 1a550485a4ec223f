package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends raw requests to incs over a pooled keep-alive HTTP/1.1 client: base URL, bearer token and timeouts from
 * {@link IncsConfig}. A call has two steps so that the rate budget can judge the instant a request really
 * leaves: {@link #connect} takes a connection (setting one up if none is idle, which can take a while, more so
 * with TLS) without writing anything, then {@link ConnectedRequest#sendIf} writes the whole request at once, or
 * nothing. An HTTP error status is an answer, never a failure; only transport failures fail the Uni. Everything
 * happens on one event loop of its own and the Unis emit there: callers that need their own context back must hop.
 */
@ApplicationScoped
class IncsTransport {

    /** Raw HTTP answer: status, body (possibly empty) and the Retry-After header, if any. */
    record HttpAnswer(int status, String body, String retryAfter) {
    }

    /** One request to make: method, path with query string, and a JSON body (null for none). */
    record HttpCall(HttpMethod method, String uri, String body) {
    }

    private static final String JSON = "application/json";
    private static final Logger LOG = Logger.getLogger(IncsTransport.class);

    private final HttpClient client;
    private final Context io;
    private final URI base;
    private final String tasksPath;
    private final String authorization;
    private final Duration timeout;

    IncsTransport(Vertx vertx, IncsConfig config) {
        this.base = URI.create(config.apiUrl());
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        this.tasksPath = prefix + "/external/tasks";
        this.timeout = config.requestTimeout();
        this.authorization = "Bearer " + config.apiToken();
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setName("incs").setKeepAlive(true).setConnectTimeout(millis(timeout)))
                .with(new PoolOptions().setHttp1MaxSize(Math.max(config.maxInFlight(), 1)))
                // a broken connection also fails its request, which is classified and counted; without a handler
                // Vert.x would log every reset by incs as an error of its own
                .withConnectHandler(connection -> connection.exceptionHandler(
                        failure -> LOG.debugf("incs connection failed: %s", failure.toString())))
                .build();
        // A pooled connection lives on the event loop of the context that opened it, and a response read on
        // another event loop than its request's context reaches the request's listeners asynchronously, so the
        // first body chunks can arrive before anyone reads them and are dropped (seen as "unreadable response
        // body"). Making every request from this one context keeps connection, request and answer on one thread.
        this.io = ((VertxInternal) vertx).createEventLoopContext();
    }

    HttpCall create(String jsonBody) {
        return new HttpCall(HttpMethod.POST, tasksPath, jsonBody);
    }

    /** GET /external/tasks for one page as incs counts pages; null parameters are not sent. */
    HttpCall list(TaskQuery query, int apiPage) {
        QueryStringEncoder uri = new QueryStringEncoder(tasksPath, StandardCharsets.UTF_8);
        addIfSet(uri, "task_id", query.taskId());
        addIfSet(uri, "creation_id", query.creationId());
        addIfSet(uri, "type", query.type());
        addIfSet(uri, "status", query.status());
        addIfSet(uri, "name", query.name());
        addIfSet(uri, "start_at", query.startAt());
        addIfSet(uri, "end_at", query.endAt());
        addIfSet(uri, "page", apiPage);
        addIfSet(uri, "page_size", query.pageSize());
        return new HttpCall(HttpMethod.GET, uri.toString(), null);
    }

    /** Takes a connection for {@code call}, setting one up if none is idle; writes nothing yet. */
    Uni<ConnectedRequest> connect(HttpCall call) {
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(base.getHost()).setPort(port)
                .setSsl(https).setURI(call.uri()).setFollowRedirects(false)
                .setConnectTimeout(millis(timeout)).setIdleTimeout(millis(timeout))
                .putHeader(HttpHeaders.AUTHORIZATION, authorization).putHeader(HttpHeaders.ACCEPT, JSON);
        if (call.body() != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean over = new AtomicBoolean();
            emitter.onTermination(() -> over.set(true));
            io.runOnContext(ignored -> client.request(options).onFailure(emitter::fail).onSuccess(request -> {
                if (over.get()) {
                    request.reset(); // cancelled meanwhile: give the connection back
                } else {
                    emitter.complete(new ConnectedRequest(request, call.body(), timeout));
                }
            }));
        });
    }

    private static void addIfSet(QueryStringEncoder uri, String name, Object value) {
        if (value != null) {
            uri.addParam(name, value.toString());
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
