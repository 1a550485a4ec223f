package com.lendingops.taskbridge.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import com.lendingops.taskbridge.leader.LeaderLease;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Sync meters: incs calls per cycle (the cost bound), outcomes, and whether this replica leads. */
@ApplicationScoped
public class SyncMetrics {

    private final DistributionSummary callsPerCycle;
    private final AtomicInteger lastCycleCalls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastCycleMillis = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger trackedTasks = new AtomicInteger();
    private final AtomicReference<CycleReport> lastReport = new AtomicReference<>();
    private final Counter completed;
    private final Counter failed;
    private final Counter stopped;
    private final Counter events;
    private final Counter ended;
    private final Counter missing;

    public SyncMetrics(MeterRegistry registry, LeaderLease lease) {
        callsPerCycle = DistributionSummary.builder("sync.cycle.calls")
                .description("incs API calls made by one sync cycle").register(registry);
        Gauge.builder("sync.cycle.last.calls", lastCycleCalls, AtomicInteger::get)
                .description("incs API calls made by the last completed sync cycle").register(registry);
        Gauge.builder("sync.cycle.last.seconds", lastCycleMillis, m -> m.get() / 1000.0)
                .description("duration of the last completed sync cycle").baseUnit("seconds").register(registry);
        Gauge.builder("sync.tracked.tasks", trackedTasks, AtomicInteger::get)
                .description("tasks tracked at the start of the last sync cycle").register(registry);
        Gauge.builder("sync.leader", lease, l -> l.isLeader() ? 1 : 0)
                .description("1 while this replica holds the sync and relay lease").register(registry);
        completed = Counter.builder("sync.cycles").tag("outcome", "completed").register(registry);
        failed = Counter.builder("sync.cycles").tag("outcome", "failed").register(registry);
        stopped = Counter.builder("sync.cycles").tag("outcome", "stopped")
                .description("cycles stopped early: lease lost (fenced) or shutdown").register(registry);
        events = Counter.builder("sync.events").description("events appended by the sync").register(registry);
        ended = Counter.builder("sync.tasks.ended").description("tasks that reached status 2 or 3").register(registry);
        missing = Counter.builder("sync.tasks.missing").description("tasks declared missing").register(registry);
    }

    void cycleCompleted(CycleReport report, long elapsedMillis) {
        lastCycleMillis.set(elapsedMillis);
        lastReport.set(report);
        lastCycleCalls.set(report.calls());
        trackedTasks.set(report.tracked());
        callsPerCycle.record(report.calls());
        completed.increment();
        events.increment(report.events());
        ended.increment(report.ended());
        missing.increment(report.missing());
    }

    void cycleFailed(int calls) {
        lastCycleCalls.set(calls);
        callsPerCycle.record(calls);
        failed.increment();
    }

    void cycleStopped(CycleReport report) {
        lastReport.set(report);
        lastCycleCalls.set(report.calls());
        callsPerCycle.record(report.calls());
        stopped.increment();
        events.increment(report.events());
        ended.increment(report.ended());
        missing.increment(report.missing());
    }

    /** The report of the last completed cycle, or null before the first. */
    public CycleReport lastReport() {
        return lastReport.get();
    }

    /** incs calls of the last cycle, completed or failed. */
    public int lastCycleCalls() {
        return lastCycleCalls.get();
    }
}
