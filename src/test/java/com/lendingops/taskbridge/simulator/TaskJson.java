package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders tasks and logs the way incs does: documented field order, "yyyy-MM-dd HH:mm:ss" in the zone. */
final class TaskJson {

    private final DateTimeFormatter time;

    TaskJson(ZoneId zone) {
        this.time = ListRequest.TIME.withZone(zone);
    }

    String time(Instant instant) {
        return time.format(instant);
    }

    /** The task in a POST answer: {@code logs} empty unless configured, as in the documented example. */
    ObjectNode created(SimTask task, ResponseOptions options) {
        ObjectNode node = common(task, true);
        if (!options.conversationIdOnCreate()) {
            node.putNull("conversation_id");
        }
        node.set("logs", options.logsInCreateResponse() ? logs(task.logs()) : Json.array());
        return node;
    }

    /** The task in a GET listing, with its full logs. */
    ObjectNode listed(SimTask task, ResponseOptions options) {
        ObjectNode node = common(task, options.conversationIdInList());
        node.set("logs", logs(task.logs()));
        return node;
    }

    /** Everything the simulator knows, for admin answers (adds {@code task_module_info}). */
    ObjectNode admin(SimTask task) {
        ObjectNode node = common(task, true);
        node.set("task_module_info", task.taskModuleInfo() == null ? null : task.taskModuleInfo().deepCopy());
        node.set("logs", logs(task.logs()));
        return node;
    }

    ArrayNode page(List<SimTask> tasks, ResponseOptions options) {
        ArrayNode array = Json.array();
        tasks.forEach(task -> array.add(listed(task, options)));
        return array;
    }

    private ObjectNode common(SimTask task, boolean withConversationId) {
        ObjectNode node = Json.object();
        node.put("id", task.id());
        node.put("creation_id", task.creationId());
        node.put("auth_id", task.authId());
        node.put("name", task.name());
        node.put("description", task.description());
        node.put("type", task.type());
        node.put("user_name", task.userName());
        node.put("user_phone", task.userPhone());
        node.put("assignee_username", task.assigneeUsername());
        if (withConversationId) {
            node.put("conversation_id", task.conversationId());
        }
        node.put("status", task.status());
        node.put("created_at", time(task.createdAt()));
        node.put("updated_at", time(task.updatedAt()));
        return node;
    }

    private ArrayNode logs(List<SimLog> logs) {
        ArrayNode array = Json.array();
        for (SimLog log : logs) {
            ObjectNode node = array.addObject();
            node.put("id", log.id());
            node.put("type", log.type());
            node.put("status", log.status());
            node.put("pre_status", log.preStatus());
            node.put("assignee_username", log.assigneeUsername());
            node.put("comment", log.comment());
            node.put("created_at", time(log.createdAt()));
            node.put("updated_at", time(log.updatedAt()));
        }
        return array;
    }
}
