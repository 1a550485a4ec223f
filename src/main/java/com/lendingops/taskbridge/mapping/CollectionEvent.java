package com.lendingops.taskbridge.mapping;

import java.util.List;

/**
 * A {@code collection.task.requested} event as read from Kafka, structurally valid: required fields
 * are present and every field has the right JSON type. Values are not yet validated (see
 * {@link TaskCommandMapper}). Amounts keep their text so that nothing is lost to floating point.
 */
public record CollectionEvent(String eventId, String eventType, String occurredAt, String caseId,
                              String customerName, String customerPhone, String assignee, Long authId,
                              String taskName, String taskDescription, String totalAmount,
                              List<OrderLine> orders) {

    public CollectionEvent {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }

    /** One loan order of the case; every field is optional. */
    public record OrderLine(String orderNumber, String borrowerName, String borrowerPhone, String loanAmount,
                            String dueAmount, String nextDueDate, String loanConfirmedAt) {
    }
}
