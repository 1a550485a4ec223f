package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.JsonNode;

/** One classified incs exchange: either the envelope's {@code data} or a failure in the terms of {@link CreateResult}. */
sealed interface IncsAnswer {

    /** incs answered "success"; {@code data} is the envelope's data node (may be a missing node). */
    record Ok(JsonNode data) implements IncsAnswer {
    }

    /**
     * incs (or the path to it) failed; {@code result} is never {@link CreateResult.Created}. {@code sent} is false
     * when the request never left this service (open circuit, no rate slot), so a retry cannot duplicate anything.
     */
    record Failed(CreateResult result, boolean sent) implements IncsAnswer {
    }

    /** Metric tag for this answer on the given route. */
    default String outcome(IncsRoute route) {
        if (this instanceof Ok) {
            return route.successOutcome();
        }
        CreateResult result = ((Failed) this).result();
        if (result instanceof CreateResult.PhoneBusy) {
            return "phone_busy";
        }
        if (result instanceof CreateResult.Invalid) {
            return "invalid";
        }
        if (result instanceof CreateResult.Unauthorized) {
            return "unauthorized";
        }
        if (result instanceof CreateResult.NotSent) {
            return "not_sent";
        }
        return "unavailable";
    }
}
