package com.lendingops.taskbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of an operator action that was applied (refusals are problem documents).
 *
 * @param action  retry, cancel or resync
 * @param target  e.g. {@code request:<event_id>}
 * @param outcome done
 * @param state   the request state or task status name afterwards
 * @param detail  more, e.g. how many events a re-sync recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResult(String action, String target, String outcome, String state, String detail) {
}
