package com.lendingops.taskbridge.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What one scenario measured.
 *
 * @param scenario          the configuration
 * @param events            events published in the measured phase
 * @param created           of those, requests the bridge recorded as created when the clock stopped
 * @param notCreated        requests in another state at the end (should be 0: every event is valid)
 * @param elapsed           first event produced until all were created (or the timeout)
 * @param postsSent         POST /external/tasks calls the simulator received in the measured phase
 * @param peakConcurrent    most create calls open at the simulator at once ({@link PeakConcurrency})
 * @param maxInAnySecond    most incs requests in any sliding second, over the whole scenario
 * @param createCalls       the bridge's incs create-call latency histogram over the measured phase
 * @param toTaskCreated     the bridge's "event consumed → task created at incs" histogram over the phase
 * @param toCreatedPublished the bridge's "event consumed → created event on Kafka" histogram over the phase
 * @param bridgeCpu         CPU time the bridge process used in the measured phase
 * @param machineCpu        cores kept busy during the phase, by anything and by processes outside the benchmark
 * @param busiestThread     the bridge thread with the most CPU in the phase, and its share of the bridge's CPU
 * @param transactions      database transactions in the phase, less the harness's own polls (all bridge jobs)
 * @param rssMb             the bridge's resident set size at the end of the phase
 */
record ScenarioResult(Scenario scenario, int events, long created, long notCreated, Duration elapsed,
                      long postsSent, int peakConcurrent, int maxInAnySecond, PrometheusHistogram createCalls,
                      PrometheusHistogram toTaskCreated, PrometheusHistogram toCreatedPublished,
                      Optional<Duration> bridgeCpu, Optional<MachineCpu.Usage> machineCpu,
                      Optional<ProcessThreads.Busiest> busiestThread, Optional<Long> transactions,
                      Optional<Double> rssMb) {

    boolean complete() {
        return created >= events;
    }

    /** Created requests per second of wall time. */
    double eventsPerSecond() {
        return created / (elapsed.toNanos() / 1e9);
    }

    Optional<Double> transactionsPerEvent() {
        return transactions.filter(t -> created > 0).map(t -> (double) t / created);
    }

    Optional<Double> cpuMillisPerEvent() {
        return bridgeCpu.filter(cpu -> created > 0).map(cpu -> cpu.toNanos() / 1e6 / created);
    }
}
