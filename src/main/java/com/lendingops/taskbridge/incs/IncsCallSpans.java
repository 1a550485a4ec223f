package com.lendingops.taskbridge.incs;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.net.URI;

/**
 * One CLIENT span per incs call attempt, made here because the transport is a raw Vert.x HTTP client whose own
 * tracing is switched off (it would record the full URL, and list queries carry a task name). Attributes are the
 * route, method, path template, incs host, HTTP status and the call's outcome (the metric's tag); never a phone, a
 * name, a query string, a body or the token. Outcomes other than the route's success mark the span as an error.
 */
final class IncsCallSpans {

    static final String ROUTE = "incs.route";
    static final String OUTCOME = "incs.outcome";

    private final Tracer tracer;
    private final String host;

    IncsCallSpans(Tracer tracer, String apiUrl) {
        this.tracer = tracer;
        this.host = URI.create(apiUrl).getHost();
    }

    Span start(IncsRoute route, Context parent) {
        return tracer.spanBuilder("incs " + route.tag()).setSpanKind(SpanKind.CLIENT).setParent(parent)
                .setAttribute("http.request.method", route.method().name())
                .setAttribute("url.template", IncsRoute.TASKS_PATH)
                .setAttribute("server.address", host == null ? "" : host)
                .setAttribute(ROUTE, route.tag())
                .startSpan();
    }

    /** incs answered with this HTTP status (a gateway's page too). */
    static void answered(Span span, int status) {
        span.setAttribute("http.response.status_code", (long) status);
    }

    static void end(Span span, IncsRoute route, IncsAnswer answer, boolean cancelled) {
        String outcome = cancelled ? "cancelled" : answer == null ? "failed" : answer.outcome(route);
        span.setAttribute(OUTCOME, outcome);
        if (!outcome.equals(route.successOutcome())) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
    }
}
