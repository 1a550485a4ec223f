package com.lendingops.taskbridge.mapping;

import com.lendingops.taskbridge.incs.CreateTaskCommand;

/** The outcome of mapping an event to a create-task request. */
public sealed interface MappingResult {

    /** The request to send. */
    record Mapped(CreateTaskCommand command) implements MappingResult {
    }

    /** The event is valid JSON but cannot become a task; it is rejected with this reason. */
    record Invalid(Rejection reason, String details) implements MappingResult {
    }
}
