package com.lendingops.taskbridge.incs;

/**
 * CDI event fired synchronously whenever incs becomes available or unavailable (circuit opened or closed, token
 * rejected or accepted again). Observers (e.g. the ingest channel's pause/resume) must not block: the event is
 * fired on the thread that recorded the answer, often a Vert.x event loop. {@code available} is
 * {@code !circuitOpen && !unauthorized}.
 */
public record IncsAvailabilityChanged(boolean available, boolean circuitOpen, boolean unauthorized) {
}
