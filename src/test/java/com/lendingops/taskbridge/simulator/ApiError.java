package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One error answer in the incs envelope: body {@code code}, {@code message} and the {@code error}
 * object (field errors for 422, empty otherwise).
 */
record ApiError(int code, String message, ObjectNode details) {

    static final int CREDENTIAL_INVALID = 10001;

    static ApiError of(int code, String message) {
        return new ApiError(code, message, Json.object());
    }

    static ApiError unauthorized() {
        return of(CREDENTIAL_INVALID, "Unauthenticated.");
    }

    static ApiError incompleteTask() {
        return of(400, "User is in an incomplete task.");
    }

    static ApiError tooManyAttempts() {
        return of(429, "Too Many Attempts.");
    }

    static ApiError serverError() {
        return of(500, "Server Error");
    }

    static ApiError notFound() {
        return of(404, "Not Found.");
    }

    static ApiError invalid(String message) {
        return of(422, message);
    }

    /** Thrown by parsers so handlers can answer the error in one place. */
    static final class Failure extends RuntimeException {
        private final transient ApiError error;

        Failure(ApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        ApiError error() {
            return error;
        }
    }
}
