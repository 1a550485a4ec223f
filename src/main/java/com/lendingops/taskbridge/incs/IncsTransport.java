package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends raw requests to incs over pooled keep-alive HTTP/1.1 connections: base URL, bearer token and timeouts from
 * {@link IncsConfig}. A call has two steps so that the rate budget can judge the instant a request really leaves:
 * {@link #connect} takes a connection (setting one up if none is idle, which can take a while, more so with TLS)
 * without writing anything, then {@link ConnectedRequest#sendIf} writes the whole request at once, or nothing. An
 * HTTP error status is an answer, never a failure; only transport failures fail the Uni.
 *
 * <p>Threads: traffic is spread over several <em>lanes</em>, each an event-loop context of its own (a verticle
 * instance, so only public Vert.x API) with an HTTP client and pool used from that context only. A pooled
 * connection lives on the event loop of the context that opened it, and a response read on another event loop
 * than its request's context reaches the request's listeners asynchronously, so the first body chunks could
 * arrive before anyone reads them and be dropped; one client per context keeps connection, request and answer on
 * one thread, as the single shared context did, without putting all incs traffic on one thread. A caller on an
 * event loop gets the lane of its own thread when there is one (no thread hop); others are spread round robin.
 * The Unis emit on the lane's context: callers that need their own context back must hop.
 */
@ApplicationScoped
class IncsTransport {

    /** Raw HTTP answer: status, body (possibly empty) and the Retry-After header, if any. */
    record HttpAnswer(int status, String body, String retryAfter) {
    }

    /** One event-loop context, its thread, and the HTTP client used from it alone. */
    private record Lane(Context context, Thread thread, HttpClient client) {
    }

    private static final String JSON = "application/json";
    private static final Logger LOG = Logger.getLogger(IncsTransport.class);

    private final Vertx vertx;
    private final URI base;
    private final String pathPrefix;
    private final String authorization;
    private final Duration timeout;
    private final int poolSize;
    private final Uni<List<Lane>> lanes;
    private final AtomicInteger nextLane = new AtomicInteger();

    IncsTransport(Vertx vertx, IncsConfig config) {
        this.vertx = vertx;
        this.base = URI.create(config.apiUrl());
        this.pathPrefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        this.timeout = config.requestTimeout();
        this.authorization = "Bearer " + config.apiToken();
        // the in-flight limit caps the calls of all lanes together; a lane's pool never makes a call wait after
        // its rate slot was taken
        this.poolSize = Math.max(config.maxInFlight(), 1);
        int laneCount = Math.max(1, Math.min(poolSize, 2 * Runtime.getRuntime().availableProcessors()));
        this.lanes = Uni.createFrom().completionStage(() -> startLanes(laneCount)).memoize().indefinitely();
    }

    /** Takes a connection for {@code request}, setting one up if none is idle; writes nothing yet. */
    Uni<ConnectedRequest> connect(IncsRequest request) {
        RequestOptions options = options(request);
        Thread caller = Thread.currentThread();
        return lanes.chain(all -> Uni.createFrom().emitter(emitter -> {
            AtomicBoolean over = new AtomicBoolean();
            emitter.onTermination(() -> over.set(true));
            Lane lane = laneFor(all, caller);
            lane.context().runOnContext(ignored -> lane.client().request(options).onFailure(emitter::fail)
                    .onSuccess(connected -> {
                        if (over.get()) {
                            connected.reset(); // cancelled meanwhile: give the connection back
                        } else {
                            emitter.complete(new ConnectedRequest(connected, request.body(), timeout));
                        }
                    }));
        }));
    }

    private Lane laneFor(List<Lane> all, Thread caller) {
        for (Lane lane : all) {
            if (lane.thread() == caller) {
                return lane;
            }
        }
        return all.get(Math.floorMod(nextLane.getAndIncrement(), all.size()));
    }

    private RequestOptions options(IncsRequest request) {
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions().setMethod(request.route().method()).setHost(base.getHost())
                .setPort(port).setSsl(https).setURI(pathPrefix + request.pathAndQuery()).setFollowRedirects(false)
                .setConnectTimeout(millis(timeout)).setIdleTimeout(millis(timeout))
                .putHeader(HttpHeaders.AUTHORIZATION, authorization).putHeader(HttpHeaders.ACCEPT, JSON);
        if (request.body() != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        }
        return options;
    }

    /** Deploys {@code count} instances of a verticle, each on its own event-loop context, each with a client. */
    private CompletionStage<List<Lane>> startLanes(int count) {
        List<Lane> started = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                started.add(new Lane(context, Thread.currentThread(), newClient()));
            }
        }, new DeploymentOptions().setInstances(count)).map(id -> List.copyOf(started)).toCompletionStage();
    }

    private HttpClient newClient() {
        return vertx.httpClientBuilder()
                // IncsCallSpans traces each call itself; Vert.x's own client tracing would record full URLs (a list
                // query may carry a task name) and send trace headers to a third party
                .with(new HttpClientOptions().setName("incs").setKeepAlive(true).setConnectTimeout(millis(timeout))
                        .setTracingPolicy(TracingPolicy.IGNORE))
                .with(new PoolOptions().setHttp1MaxSize(poolSize))
                // a broken connection also fails its request, which is classified and counted; without a handler
                // Vert.x would log every reset by incs as an error of its own
                .withConnectHandler(connection -> connection.exceptionHandler(
                        failure -> LOG.debugf("incs connection failed: %s", failure.toString())))
                .build();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
