package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** JSON shapes of the admin endpoints: settings in and out, counters out (snake_case keys). */
final class AdminJson {

    private AdminJson() {
    }

    static ObjectNode counters(SimulatorCounters counters) {
        ObjectNode node = Json.object();
        ObjectNode requests = node.putObject("requests");
        for (Route route : Route.values()) {
            ObjectNode byOutcome = requests.putObject(route.label());
            byOutcome.put("total", counters.requests(route));
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome.key(), counters.count(route, outcome));
            }
        }
        ObjectNode perPhone = node.putObject("tasks_created_per_phone");
        counters.tasksCreatedPerPhone().forEach(perPhone::put);
        node.put("tasks_created", counters.tasksCreatedPerPhone().values().stream().mapToInt(i -> i).sum());
        node.put("max_requests_in_any_second", counters.maxRequestsInAnySecond());
        node.put("list_calls", counters.listCalls());
        // every /external arrival, in milliseconds after the first: explains a failed rate assertion
        long[] arrivals = Arrays.stream(Route.values()).flatMap(route -> counters.arrivalNanos(route).stream())
                .mapToLong(Long::longValue).sorted().toArray();
        ArrayNode offsets = node.putArray("arrival_offsets_ms");
        Arrays.stream(arrivals).forEach(nanos -> offsets.add((nanos - arrivals[0]) / 1_000_000));
        return node;
    }

    static ObjectNode faults(FaultInjector faults) {
        ObjectNode node = Json.object();
        ObjectNode routes = node.putObject("routes");
        for (Route route : Route.values()) {
            FaultSettings s = faults.settings(route);
            routes.putObject(route.label())
                    .put("latency_min_ms", s.latencyMin().toMillis())
                    .put("latency_max_ms", s.latencyMax().toMillis())
                    .put("error_500_rate", s.error500Rate())
                    .put("reset_rate", s.resetRate())
                    .put("timeout_rate", s.timeoutRate())
                    .put("drop_after_create_rate", s.dropAfterCreateRate())
                    .put("hang_after_create_rate", s.hangAfterCreateRate());
        }
        node.putObject("rate_limit")
                .put("requests_per_second", faults.rateLimit().requestsPerSecond())
                .put("retry_after", faults.rateLimit().retryAfterHeader());
        faults.pending().forEach(p -> node.withArrayProperty("pending").addObject()
                .put("route", p.route() == null ? "ALL" : p.route().label())
                .put("fault", p.fault().name().toLowerCase(Locale.ROOT))
                .put("remaining", p.remaining()));
        return node;
    }

    static FaultSettings faultSettings(JsonNode body) {
        long fixed = body.path("latency_ms").asLong(0);
        long min = body.path("latency_min_ms").asLong(fixed);
        long max = body.path("latency_max_ms").asLong(Math.max(min, fixed));
        return new FaultSettings(Duration.ofMillis(min), Duration.ofMillis(max),
                body.path("error_500_rate").asDouble(0), body.path("reset_rate").asDouble(0),
                body.path("timeout_rate").asDouble(0), body.path("drop_after_create_rate").asDouble(0),
                body.path("hang_after_create_rate").asDouble(0));
    }

    static ObjectNode options(ResponseOptions options) {
        return Json.object()
                .put("style", options.style().name().toLowerCase(Locale.ROOT))
                .put("page_base", options.pageBase())
                .put("conversation_id_in_list", options.conversationIdInList())
                .put("conversation_id_on_create", options.conversationIdOnCreate())
                .put("logs_in_create_response", options.logsInCreateResponse())
                .put("sort_descending", options.sortDescending())
                .put("page_row_cap", options.pageRowCap());
    }

    /** {@code current} with the fields present in {@code body} changed. */
    static ResponseOptions options(ResponseOptions current, JsonNode body) {
        String style = body.path("style").asText(current.style().name());
        return new ResponseOptions(ResponseStyle.valueOf(style.replace('-', '_').toUpperCase(Locale.ROOT)),
                body.path("page_base").asInt(current.pageBase()),
                body.path("conversation_id_in_list").asBoolean(current.conversationIdInList()),
                body.path("conversation_id_on_create").asBoolean(current.conversationIdOnCreate()),
                body.path("logs_in_create_response").asBoolean(current.logsInCreateResponse()),
                body.path("sort_descending").asBoolean(current.sortDescending()),
                body.path("page_row_cap").asInt(current.pageRowCap()));
    }

    /** {@code {"windows":[{"page":"html-404","ms":9500},...]}}: the windows still to come, current one first. */
    static ObjectNode gateway(GatewayWindows gateway) {
        ObjectNode node = Json.object();
        ArrayNode windows = node.putArray("windows");
        gateway.remaining().forEach(window -> windows.addObject().put("page", window.page().key())
                .put("ms", window.length().toMillis()));
        return node;
    }

    static List<GatewayWindows.Window> gatewayWindows(JsonNode body) {
        List<GatewayWindows.Window> windows = new ArrayList<>();
        for (JsonNode window : body.path("windows")) {
            windows.add(new GatewayWindows.Window(GatewayPage.parse(AdminApiHandler.required(window, "page").asText()),
                    Duration.ofMillis(AdminApiHandler.required(window, "ms").asLong())));
        }
        return windows;
    }

    static ObjectNode timeline(TaskTimeline timeline) {
        ObjectNode node = Json.object()
                .put("enabled", timeline.enabled())
                .put("start_after_ms", timeline.startAfter().toMillis())
                .put("remark_every_ms", timeline.remarkEvery().toMillis())
                .put("finish_after_ms", timeline.finishAfter().toMillis())
                .put("terminate_fraction", timeline.terminateFraction());
        timeline.remarks().forEach(node.putArray("remarks")::add);
        return node;
    }

    static TaskTimeline timeline(JsonNode body) {
        List<String> remarks = new ArrayList<>();
        body.path("remarks").forEach(r -> remarks.add(r.asText()));
        return new TaskTimeline(body.path("enabled").asBoolean(true),
                Duration.ofMillis(body.path("start_after_ms").asLong(0)),
                Duration.ofMillis(body.path("remark_every_ms").asLong(0)), remarks,
                Duration.ofMillis(body.path("finish_after_ms").asLong(0)),
                body.path("terminate_fraction").asDouble(0));
    }
}
