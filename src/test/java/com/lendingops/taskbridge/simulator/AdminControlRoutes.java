package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The /admin routes that steer the simulator rather than its tasks:
 *
 * <pre>
 * POST   /admin/reset                      back to the start configuration, no tasks, no counters
 * GET    /admin/counters                   requests by route and outcome, tasks per phone, max per second
 * POST   /admin/counters/reset             forget all counters
 * POST   /admin/counters/list-calls/reset  restart the GET count (e.g. per sync cycle)
 * GET    /admin/received                   every POST /external/tasks body read, in order
 * GET    /admin/faults                     settings per route, rate limit, pending "next N" orders
 * PUT    /admin/faults                     {"route":"POST|GET|ALL","latency_ms":..|"latency_min_ms","latency_max_ms",
 *                                           "error_500_rate","reset_rate","timeout_rate","drop_after_create_rate",
 *                                           "hang_after_create_rate"} replaces the route's settings
 * POST   /admin/faults/next                {"route":"POST","fault":"reset","count":2}
 * DELETE /admin/faults                     no faults, no orders, no rate limit
 * PUT    /admin/rate-limit                 {"requests_per_second":5,"retry_after":true} (0 = off)
 * PUT    /admin/token                      {"token":"..."}
 * GET|PUT /admin/options                   response style (partial update): {"style":"always_200","page_base":0,
 *                                           "conversation_id_in_list":false,"conversation_id_on_create":false,
 *                                           "logs_in_create_response":true,"sort_descending":true}
 * GET    /admin/gateway                    gateway windows still to come: {"windows":[{"page":"html-404","ms":..}]}
 * PUT    /admin/gateway                    {"windows":[{"page":"html-404","ms":10000},{"page":"json-403","ms":..}]}
 *                                           replaces them, the first starting now (pages: {@link GatewayPage})
 * DELETE /admin/gateway                    incs answers again
 * GET|PUT /admin/timeline                  {"enabled":true,"start_after_ms":..,"remark_every_ms":..,
 *                                           "remarks":[..],"finish_after_ms":..,"terminate_fraction":0.2}
 * </pre>
 */
final class AdminControlRoutes {

    private final IncsSimulator sim;

    AdminControlRoutes(IncsSimulator sim) {
        this.sim = sim;
    }

    /** The answer, or null when no route matches. */
    JsonNode route(String method, String path, JsonNode body) {
        String route = method + " " + path;
        switch (route) {
            case "POST /admin/reset" -> sim.reset();
            case "GET /admin/counters" -> {
                return AdminJson.counters(sim.counters());
            }
            case "POST /admin/counters/reset" -> sim.counters().reset();
            case "POST /admin/counters/list-calls/reset" -> sim.counters().resetListCalls();
            case "GET /admin/received" -> {
                ArrayNode bodies = Json.array();
                sim.counters().receivedCreateBodies()
                        .forEach(b -> bodies.add(b.json() != null ? b.json() : Json.object().put("raw", b.raw())));
                return bodies;
            }
            case "GET /admin/faults" -> {
                return AdminJson.faults(sim.faults());
            }
            case "PUT /admin/faults" -> {
                sim.faults().set(Route.parse(body.path("route").asText(null)), AdminJson.faultSettings(body));
                return AdminJson.faults(sim.faults());
            }
            case "POST /admin/faults/next" -> {
                sim.faults().failNext(Route.parse(body.path("route").asText(null)),
                        Fault.parse(AdminApiHandler.required(body, "fault").asText()), body.path("count").asInt(1));
                return AdminJson.faults(sim.faults());
            }
            case "DELETE /admin/faults" -> sim.faults().clear();
            case "PUT /admin/rate-limit" -> {
                sim.faults().setRateLimit(new RateLimit(body.path("requests_per_second").asInt(0),
                        body.path("retry_after").asBoolean(false)));
                return AdminJson.faults(sim.faults());
            }
            case "PUT /admin/token" -> sim.setToken(AdminApiHandler.required(body, "token").asText());
            case "GET /admin/options" -> {
                return AdminJson.options(sim.responseOptions());
            }
            case "PUT /admin/options" -> {
                sim.updateResponseOptions(current -> AdminJson.options(current, body));
                return AdminJson.options(sim.responseOptions());
            }
            case "GET /admin/gateway" -> {
                return AdminJson.gateway(sim.gateway());
            }
            case "PUT /admin/gateway" -> {
                sim.gateway().set(AdminJson.gatewayWindows(body));
                return AdminJson.gateway(sim.gateway());
            }
            case "DELETE /admin/gateway" -> sim.gateway().clear();
            case "GET /admin/timeline" -> {
                return AdminJson.timeline(sim.lifecycle().timeline());
            }
            case "PUT /admin/timeline" -> {
                sim.setTimeline(AdminJson.timeline(body));
                return AdminJson.timeline(sim.lifecycle().timeline());
            }
            default -> {
                return null;
            }
        }
        return Json.object().put("ok", true);
    }
}
