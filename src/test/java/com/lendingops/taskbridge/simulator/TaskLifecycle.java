package com.lendingops.taskbridge.simulator;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Random;

/**
 * Moves tasks along the configured {@link TaskTimeline} with Vert.x timers. Each step is conditional
 * on the task's current status, so tests that move tasks by hand and a reset (ids are never reused)
 * are both safe.
 */
final class TaskLifecycle {

    private final Vertx vertx;
    private final TaskStore store;
    private final Random random;
    private volatile TaskTimeline timeline;

    TaskLifecycle(Vertx vertx, TaskStore store, Random random, TaskTimeline timeline) {
        this.vertx = vertx;
        this.store = store;
        this.random = random;
        this.timeline = timeline;
    }

    void setTimeline(TaskTimeline newTimeline) {
        timeline = newTimeline;
    }

    TaskTimeline timeline() {
        return timeline;
    }

    /** Schedules the rest of the task's life; tasks created after a timeline change follow the new one. */
    void onCreated(SimTask task) {
        TaskTimeline plan = timeline;
        if (!plan.enabled() || !task.isOpen()) {
            return;
        }
        long id = task.id();
        long start = task.status() == SimTask.NOT_STARTED ? plan.startAfter().toMillis() : 0;
        if (task.status() == SimTask.NOT_STARTED) {
            after(start, () -> store.changeStatusIf(id, SimTask.NOT_STARTED, SimTask.IN_PROGRESS));
        }
        List<String> remarks = plan.remarks();
        long every = plan.remarkEvery().toMillis();
        for (int i = 0; i < remarks.size() && every > 0; i++) {
            String comment = remarks.get(i);
            after(start + every * (i + 1), () -> store.addRemarkIf(id, SimTask.IN_PROGRESS, comment));
        }
        int end = random.nextDouble() < plan.terminateFraction() ? SimTask.TERMINATED : SimTask.COMPLETED;
        after(start + plan.finishAfter().toMillis(), () -> store.changeStatusIf(id, SimTask.IN_PROGRESS, end));
    }

    private void after(long millis, Runnable step) {
        vertx.setTimer(Math.max(1, millis), timerId -> step.run());
    }
}
