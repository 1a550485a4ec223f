package com.lendingops.taskbridge.outbox;

import io.smallrye.mutiny.Uni;

/** Sends one outbox row to the broker; the Uni completes on the broker's acknowledgement and fails otherwise. */
public interface OutboxSender {

    Uni<Void> send(PendingEvent event);
}
