package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves /admin/* (no token, plain JSON, not the incs envelope) so tests in other processes and
 * demos can drive the simulator. Task routes live here; everything else in {@link AdminControlRoutes}.
 *
 * <pre>
 * GET  /admin/tasks[?status=S]                    {"total":N,"data":[task...]} (with task_module_info)
 * GET  /admin/tasks/count[?status=S]              {"count":N}
 * GET  /admin/tasks/{id}                          task
 * POST /admin/tasks                               seed one: {"user_phone":..,"name","status","created_at",..}
 * POST /admin/tasks/seed                          {"count":1000,"status":1} → {"created":N,"ids":[..]}
 * POST /admin/tasks/{id}/status                   {"status":2,"log":true}  (log false: no type-3 log)
 * POST /admin/tasks/{id}/remark                   {"comment":"..."}
 * POST /admin/tasks/{id}/reassign                 {"assignee_username":"incs_2"}
 * POST /admin/tasks/{id}/complete | /terminate
 * </pre>
 * Unknown task id → 404; bad input → 400; both as {@code {"error":"..."}}.
 */
final class AdminApiHandler {

    private static final Pattern TASK = Pattern.compile("/admin/tasks/(\\d+)(?:/([a-z]+))?");

    private final IncsSimulator sim;
    private final AdminControlRoutes control;

    AdminApiHandler(IncsSimulator sim) {
        this.sim = sim;
        this.control = new AdminControlRoutes(sim);
    }

    void handle(HttpServerRequest req) {
        req.body().onSuccess(buffer -> answer(req, buffer));
    }

    private void answer(HttpServerRequest req, Buffer buffer) {
        int status = 200;
        JsonNode answer;
        try {
            JsonNode body = buffer.length() == 0 ? Json.object() : Json.parse(buffer.getBytes());
            String method = req.method().name();
            answer = req.path().startsWith("/admin/tasks")
                    ? tasks(method, req.path(), body, req.params())
                    : control.route(method, req.path(), body);
            if (answer == null) {
                status = 404;
                answer = error("no admin route " + method + " " + req.path());
            }
        } catch (NoSuchElementException e) {
            status = 404;
            answer = error(e.getMessage());
        } catch (IllegalArgumentException | IOException | java.time.DateTimeException e) {
            status = 400;
            answer = error(e.getMessage());
        }
        req.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.write(answer));
    }

    private JsonNode tasks(String method, String path, JsonNode body, MultiMap params) {
        String status = params.get("status");
        List<SimTask> selected = sim.tasks().stream()
                .filter(t -> status == null || t.status() == Integer.parseInt(status)).toList();
        if (method.equals("GET") && path.equals("/admin/tasks")) {
            ObjectNode page = Json.object().put("total", selected.size());
            selected.forEach(t -> page.withArrayProperty("data").add(sim.json().admin(t)));
            return page;
        }
        if (method.equals("GET") && path.equals("/admin/tasks/count")) {
            return Json.object().put("count", selected.size());
        }
        if (method.equals("POST") && path.equals("/admin/tasks")) {
            return sim.json().admin(sim.createTask(seed(body)));
        }
        if (method.equals("POST") && path.equals("/admin/tasks/seed")) {
            List<SimTask> seeded = sim.seedTasks(body.path("count").asInt(1), body.path("status").asInt(0));
            ObjectNode answer = Json.object().put("created", seeded.size());
            seeded.forEach(t -> answer.withArrayProperty("ids").add(t.id()));
            return answer;
        }
        Matcher matcher = TASK.matcher(path);
        return matcher.matches() ? task(method, Long.parseLong(matcher.group(1)), matcher.group(2), body) : null;
    }

    private JsonNode task(String method, long id, String action, JsonNode body) {
        if (method.equals("GET") && action == null) {
            return sim.json().admin(sim.task(id).orElseThrow(() -> new NoSuchElementException("no task " + id)));
        }
        if (!method.equals("POST") || action == null) {
            return null;
        }
        SimTask changed = switch (action) {
            case "status" -> body.path("log").asBoolean(true)
                    ? sim.moveToStatus(id, required(body, "status").asInt())
                    : sim.moveToStatusWithoutLog(id, required(body, "status").asInt());
            case "remark" -> sim.addRemark(id, required(body, "comment").asText());
            case "reassign" -> sim.reassign(id, required(body, "assignee_username").asText());
            case "complete" -> sim.complete(id);
            case "terminate" -> sim.terminate(id);
            default -> null;
        };
        return changed == null ? null : sim.json().admin(changed);
    }

    private NewTask seed(JsonNode body) {
        NewTask task = NewTask.forPhone(required(body, "user_phone").asText());
        JsonNode moduleInfo = body.get("task_module_info");
        String createdAt = body.path("created_at").asText(null);
        return new NewTask(body.path("name").asText(task.name()), body.path("description").asText(""),
                body.path("type").asInt(3), body.path("auth_id").asLong(task.authId()),
                body.path("user_name").asText(task.userName()), task.userPhone(),
                body.path("assignee_username").asText(task.assigneeUsername()),
                moduleInfo == null || moduleInfo.isNull() ? null : moduleInfo, body.path("status").asInt(0),
                createdAt == null ? null
                        : LocalDateTime.parse(createdAt, ListRequest.TIME).atZone(sim.config().zone()).toInstant());
    }

    static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field " + field + " is required");
        }
        return value;
    }

    static ObjectNode error(String message) {
        return Json.object().put("error", message);
    }
}
