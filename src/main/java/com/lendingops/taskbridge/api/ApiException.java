package com.lendingops.taskbridge.api;

/**
 * A request the API answers with a problem document: thrown only inside the resources (never across a package
 * boundary) and turned into {@code application/problem+json} by {@link ProblemMappers}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String parameter;

    private ApiException(int status, String type, String title, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
    }

    /** 400 naming the parameter. */
    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "/problems/invalid-parameter", "Invalid parameter", detail, parameter);
    }

    /** 404 for an id nobody knows. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "/problems/not-found", "Not found", what + " " + id + " is not known", null);
    }

    /** 409: the target exists but is not in a state that allows the action. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "/problems/conflict", "Action not possible in the current state", detail, null);
    }

    /** 503: a dependency (Kafka, incs) did not answer. */
    public static ApiException unavailable(String detail) {
        return new ApiException(503, "/problems/unavailable", "Dependency unavailable", detail, null);
    }

    Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, parameter);
    }

    public int status() {
        return status;
    }
}
