package com.lendingops.taskbridge.incs;

import io.netty.handler.codec.http.QueryStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One request to make to incs, independent of where incs is: its route, the path with query string below the API
 * base URL, and a JSON body (null for none). Built by the callers, carried unchanged through the gateway to the
 * transport.
 */
record IncsRequest(IncsRoute route, String pathAndQuery, String body) {

    /** POST /external/tasks with an already serialised command. */
    static IncsRequest create(String jsonBody) {
        return new IncsRequest(IncsRoute.CREATE, IncsRoute.TASKS_PATH, jsonBody);
    }

    /** GET /external/tasks for one page as incs counts pages; null parameters are not sent. */
    static IncsRequest list(TaskQuery query, int apiPage) {
        return new IncsRequest(IncsRoute.LIST, listUri(query, apiPage), null);
    }

    /** The cheapest list call there is, made only to learn whether incs answers. */
    static IncsRequest probe(TaskQuery query, int apiPage) {
        return new IncsRequest(IncsRoute.PROBE, listUri(query, apiPage), null);
    }

    private static String listUri(TaskQuery query, int apiPage) {
        QueryStringEncoder uri = new QueryStringEncoder(IncsRoute.TASKS_PATH, StandardCharsets.UTF_8);
        addIfSet(uri, "task_id", query.taskId());
        addIfSet(uri, "creation_id", query.creationId());
        addIfSet(uri, "type", query.type());
        addIfSet(uri, "status", query.status());
        addIfSet(uri, "name", query.name());
        addIfSet(uri, "start_at", query.startAt());
        addIfSet(uri, "end_at", query.endAt());
        addIfSet(uri, "page", apiPage);
        addIfSet(uri, "page_size", query.pageSize());
        return uri.toString();
    }

    private static void addIfSet(QueryStringEncoder uri, String name, Object value) {
        if (value != null) {
            uri.addParam(name, value.toString());
        }
    }
}
