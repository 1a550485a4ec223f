package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Serves /external/*: records the arrival, lets an open gateway window answer instead of incs, injects
 * connection faults, applies the rate limit, 5xx faults and the bearer token check (in that order), then creates
 * or lists tasks. Runs on the
 * event loop; state calls are short synchronized sections, never I/O.
 */
final class ExternalApiHandler {

    private final IncsSimulator sim;

    ExternalApiHandler(IncsSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpServerRequest req) {
        Route route = Route.of(req.method(), req.path());
        long now = sim.config().ticker().getAsLong();
        sim.counters().arrival(route, now);
        Optional<GatewayPage> gatewayPage = sim.gateway().current();
        if (gatewayPage.isPresent()) {
            sim.counters().outcome(route, Outcome.GATEWAY);
            GatewayPage page = gatewayPage.get();
            write(req, page.status(), page.contentType(), page.body(), sim.faults().latencyMillis(route), null);
            return;
        }
        Fault early = sim.faults().beforeProcessing(route);
        if (early == Fault.RESET) {
            sim.counters().outcome(route, Outcome.RESET);
            reset(req);
            return;
        }
        if (early == Fault.TIMEOUT) {
            sim.counters().outcome(route, Outcome.TIMEOUT);
            return;
        }
        long latency = sim.faults().latencyMillis(route);
        long retryAfter = sim.faults().retryAfterNanos(route, now);
        if (retryAfter >= 0) {
            rateLimited(req, route, latency, retryAfter);
        } else if (sim.faults().serverError(route)) {
            fail(req, route, Outcome.ERROR_500, ApiError.serverError(), latency);
        } else if (!authorized(req)) {
            fail(req, route, Outcome.UNAUTHORIZED, ApiError.unauthorized(), latency);
        } else if (route == Route.CREATE) {
            req.body().onSuccess(body -> create(req, body, latency))
                    .onFailure(e -> fail(req, route, Outcome.REJECTED, ApiError.invalid("Unreadable body."), 0));
        } else if (route == Route.LIST) {
            list(req, latency);
        } else {
            fail(req, route, Outcome.REJECTED, ApiError.notFound(), latency);
        }
    }

    private boolean authorized(HttpServerRequest req) {
        String header = req.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.equals("Bearer " + sim.token());
    }

    private void create(HttpServerRequest req, Buffer body, long latency) {
        String raw = body.toString(StandardCharsets.UTF_8);
        JsonNode json = parse(body);
        sim.counters().received(new SimulatorCounters.ReceivedBody(raw, json));
        NewTask request;
        try {
            request = CreateTaskValidator.validate(json);
        } catch (ApiError.Failure failure) {
            fail(req, Route.CREATE, Outcome.REJECTED, failure.error(), latency);
            return;
        }
        Optional<SimTask> created = sim.store().createUnlessOpen(request);
        if (created.isEmpty()) {
            fail(req, Route.CREATE, Outcome.CONFLICT, ApiError.incompleteTask(), latency);
            return;
        }
        SimTask task = created.get();
        sim.counters().taskCreated(task.userPhone());
        sim.lifecycle().onCreated(task);
        Fault after = sim.faults().afterCreate();
        if (after == Fault.DROP_AFTER_CREATE) {
            sim.counters().outcome(Route.CREATE, Outcome.DROPPED_AFTER_CREATE);
            reset(req);
        } else if (after == Fault.HANG_AFTER_CREATE) {
            sim.counters().outcome(Route.CREATE, Outcome.HUNG_AFTER_CREATE);
        } else {
            sim.counters().outcome(Route.CREATE, Outcome.CREATED);
            send(req, 200, Json.success(sim.json().created(task, sim.responseOptions())), latency, null);
        }
    }

    private void list(HttpServerRequest req, long latency) {
        ResponseOptions options = sim.responseOptions();
        ListRequest request;
        try {
            request = ListRequest.parse(req.params(), options.pageBase(), sim.config().zone());
        } catch (ApiError.Failure failure) {
            fail(req, Route.LIST, Outcome.REJECTED, failure.error(), latency);
            return;
        }
        sim.beforeListCall(sim.counters().listCalls() - 1);
        int rows = options.effectivePageSize(request.pageSize());
        TaskPage page = sim.store().query(request.query(), request.page() * rows, rows, options.sortDescending());
        ObjectNode data = Json.object();
        data.put("total", page.total());
        data.set("data", sim.json().page(page.tasks(), options));
        sim.counters().outcome(Route.LIST, Outcome.OK);
        send(req, 200, Json.success(data), latency, null);
    }

    private void rateLimited(HttpServerRequest req, Route route, long latency, long retryAfterNanos) {
        sim.counters().outcome(route, Outcome.RATE_LIMITED);
        ApiError error = ApiError.tooManyAttempts();
        String retryAfter = sim.faults().rateLimit().retryAfterHeader()
                ? String.valueOf(Math.max(1, (retryAfterNanos + TimeUnit.SECONDS.toNanos(1) - 1)
                        / TimeUnit.SECONDS.toNanos(1)))
                : null;
        send(req, sim.responseOptions().style().httpStatus(error.code()), Json.error(error), latency, retryAfter);
    }

    private void fail(HttpServerRequest req, Route route, Outcome outcome, ApiError error, long latency) {
        sim.counters().outcome(route, outcome);
        send(req, sim.responseOptions().style().httpStatus(error.code()), Json.error(error), latency, null);
    }

    private void send(HttpServerRequest req, int status, ObjectNode body, long latency, String retryAfter) {
        write(req, status, "application/json", Json.write(body), latency, retryAfter);
    }

    private void write(HttpServerRequest req, int status, String contentType, String text, long latency,
                       String retryAfter) {
        Runnable write = () -> {
            if (req.response().closed() || req.response().ended()) {
                return;
            }
            req.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType);
            if (retryAfter != null) {
                req.response().putHeader("Retry-After", retryAfter);
            }
            req.response().end(text);
        };
        if (latency > 0) {
            sim.vertx().setTimer(latency, id -> write.run());
        } else {
            write.run();
        }
    }

    private static JsonNode parse(Buffer body) {
        try {
            return Json.parse(body.getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    /** Closes with SO_LINGER 0 so the client sees a TCP reset, not an orderly end of stream. */
    static void reset(HttpServerRequest req) {
        HttpConnection connection = req.connection();
        if (connection instanceof ConnectionBase base) {
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        connection.close();
    }
}
