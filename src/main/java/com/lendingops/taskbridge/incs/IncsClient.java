package com.lendingops.taskbridge.incs;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one bean through which the service talks to incs: owns the rate budget, the in-flight limit,
 * retries of idempotent calls and the classification of every answer.
 * (Placeholder signatures; implemented by the incs client work.)
 */
@ApplicationScoped
public class IncsClient {

    /** One POST attempt; never retried here because a blind retry may create a second task. */
    public Uni<CreateResult> createTask(CreateTaskCommand command) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not implemented yet"));
    }

    /** One page of GET /external/tasks, retried on transient errors; fails with {@link IncsCallException}. */
    public Uni<TaskPage> listTasks(TaskQuery query) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not implemented yet"));
    }
}
