package com.lendingops.taskbridge.incs;

import io.vertx.core.http.HttpMethod;

/**
 * The incs calls this service makes, as a type: HTTP method, the metric tag of the route and of its success.
 * A probe is a list call of its own route so that its traffic is told apart in the metrics.
 */
enum IncsRoute {
    /** POST /external/tasks: create and assign one task. */
    CREATE(HttpMethod.POST, "create", "created"),
    /** GET /external/tasks: one page of tasks. */
    LIST(HttpMethod.GET, "list", "ok"),
    /** GET /external/tasks with page size 1, to learn whether incs answers again. */
    PROBE(HttpMethod.GET, "probe", "ok");

    /** The path of every route, below the API base URL. */
    static final String TASKS_PATH = "/external/tasks";

    private final HttpMethod method;
    private final String tag;
    private final String successOutcome;

    IncsRoute(HttpMethod method, String tag, String successOutcome) {
        this.method = method;
        this.tag = tag;
        this.successOutcome = successOutcome;
    }

    HttpMethod method() {
        return method;
    }

    /** The {@code route} tag of the incs metrics. */
    String tag() {
        return tag;
    }

    /** The {@code outcome} tag of a successful call. */
    String successOutcome() {
        return successOutcome;
    }
}
