package com.lendingops.taskbridge.ingest;

/** What an operator action on a request did; never an exception across the package boundary. */
public sealed interface OperatorActionResult {

    /** Applied; the request is now in {@code state}. */
    record Applied(String state) implements OperatorActionResult {
    }

    /** No request has this event id. */
    record NotFound() implements OperatorActionResult {
    }

    /** The request exists but the action does not apply to it now (its state, or it changed meanwhile). */
    record NotAllowed(String state, String reason) implements OperatorActionResult {
    }
}
