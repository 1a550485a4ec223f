package com.lendingops.taskbridge.simulator;

import io.vertx.core.http.HttpMethod;

/** The incs routes the simulator tells apart for counters and fault targeting. */
public enum Route {
    /** POST /external/tasks: create and assign one task. */
    CREATE("POST /external/tasks"),
    /** GET /external/tasks: list tasks. */
    LIST("GET /external/tasks"),
    /** Anything else under /external (answered 404). */
    OTHER("other /external");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    /** The label used in counters, e.g. {@code "POST /external/tasks"}. */
    public String label() {
        return label;
    }

    static Route of(HttpMethod method, String path) {
        if ("/external/tasks".equals(path) || "/external/tasks/".equals(path)) {
            if (method == HttpMethod.POST) {
                return CREATE;
            }
            if (method == HttpMethod.GET) {
                return LIST;
            }
        }
        return OTHER;
    }

    /**
     * Reads a route named by an admin caller: {@code POST}, {@code GET}, {@code create}, {@code list},
     * a label, or {@code ALL}/{@code null} for "every route" (returned as {@code null}).
     */
    public static Route parse(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("ALL")) {
            return null;
        }
        for (Route route : values()) {
            if (route.name().equalsIgnoreCase(name) || route.label.equalsIgnoreCase(name)) {
                return route;
            }
        }
        if (name.equalsIgnoreCase("POST")) {
            return CREATE;
        }
        if (name.equalsIgnoreCase("GET")) {
            return LIST;
        }
        throw new IllegalArgumentException("unknown route " + name + " (use POST, GET or ALL)");
    }
}
