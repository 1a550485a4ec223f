package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Carries out a trial's fault schedule against the real processes: each fault on a thread of its own, started at
 * its moment after the feed began, so faults overlap as their moments say. Records when each fault ended (the
 * pipeline's recovery is measured from there) and any fault that could not be applied.
 */
final class FaultExecutor implements AutoCloseable {

    /** A fault as it happened: its plan and when it ended (System.nanoTime), or why it could not run. */
    record Applied(ScheduledFault fault, long endedNanos, String note) {
    }

    /** Latency of POST answers while a replica is killed "between the POST and its database write". */
    private static final long HOLD_POSTS_MILLIS = 1_500;
    /** Latency of POST answers beyond the bridge's request timeout (INCS_REQUEST_TIMEOUT=2s in the trials). */
    private static final long SLOW_ANSWER_MILLIS = 3_000;

    private final Replicas replicas;
    private final TestPostgres postgres;
    private final KafkaBroker broker;
    private final FaultGateway gateway;
    private final SimulatorAdmin simulator;
    private final PrintStream out;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Future<Applied>> running = new ArrayList<>();
    private final Object gatewayLock = new Object();

    FaultExecutor(Replicas replicas, TestPostgres postgres, KafkaBroker broker, FaultGateway gateway,
                  SimulatorAdmin simulator, PrintStream out) {
        this.replicas = replicas;
        this.postgres = postgres;
        this.broker = broker;
        this.gateway = gateway;
        this.simulator = simulator;
        this.out = out;
    }

    /** Schedules every fault relative to {@code startNanos}. */
    void start(List<ScheduledFault> plan, long startNanos) {
        for (ScheduledFault fault : plan) {
            running.add(threads.submit(() -> {
                long wait = startNanos + fault.at().toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
                log("begins " + fault.describe());
                try {
                    String note = apply(fault);
                    log("ended  " + fault.describe() + (note.isEmpty() ? "" : " (" + note + ")"));
                    return new Applied(fault, System.nanoTime(), note);
                } catch (Exception e) {
                    log("FAILED " + fault.describe() + ": " + e);
                    return new Applied(fault, System.nanoTime(), "could not apply: " + e);
                }
            }));
        }
    }

    /** Waits for every fault to end. */
    List<Applied> awaitAll() throws Exception {
        List<Applied> applied = new ArrayList<>();
        for (Future<Applied> f : running) {
            applied.add(f.get());
        }
        return applied;
    }

    private String apply(ScheduledFault fault) throws Exception {
        Duration d = fault.duration();
        switch (fault.kind()) {
            case KILL9 -> {
                if (!replicas.kill9(fault.target())) {
                    return "replica-" + fault.target() + " was already down: skipped";
                }
                Thread.sleep(d.toMillis());
                replicas.restart(fault.target());
            }
            case KILL9_BETWEEN_POST_AND_WRITE -> {
                simulator.postLatency(fault, HOLD_POSTS_MILLIS);
                Thread.sleep(HOLD_POSTS_MILLIS / 2); // POSTs now arrive, create their task, and wait for the answer
                boolean killed = replicas.kill9(fault.target());
                simulator.postLatency(fault, 0);
                if (!killed) {
                    return "replica-" + fault.target() + " was already down: skipped";
                }
                Thread.sleep(d.toMillis());
                replicas.restart(fault.target());
            }
            case FREEZE_LEADER -> {
                Optional<Integer> leader = replicas.leader();
                if (leader.isEmpty()) {
                    return "no leader to freeze";
                }
                replicas.signal(leader.get(), true);
                try {
                    Thread.sleep(d.toMillis());
                } finally {
                    replicas.signal(leader.get(), false);
                }
                return "froze replica-" + leader.get();
            }
            case POSTGRES_RESTART -> {
                postgres.stop();
                try {
                    Thread.sleep(d.toMillis());
                } finally {
                    postgres.start();
                }
            }
            case KAFKA_RESTART -> {
                broker.stop();
                try {
                    Thread.sleep(d.toMillis());
                } finally {
                    broker.start();
                }
            }
            case INCS_OUTAGE -> {
                synchronized (gatewayLock) {
                    gateway.down();
                }
                try {
                    Thread.sleep(d.toMillis());
                } finally {
                    synchronized (gatewayLock) {
                        gateway.up();
                    }
                }
            }
            case RATE_LIMIT_STORM_RETRY_AFTER, RATE_LIMIT_STORM_NO_RETRY_AFTER -> {
                simulator.rateLimit(1, fault.kind() == FaultKind.RATE_LIMIT_STORM_RETRY_AFTER);
                try {
                    Thread.sleep(d.toMillis());
                } finally {
                    simulator.rateLimit(0, false);
                }
            }
            case GATEWAY_PAGES -> {
                // the simulator's gateway windows (PUT /admin/gateway): HTML 404, JSON 403, HTML 502, a third each
                long third = d.toMillis() / 3;
                simulator.gatewayWindows(List.of("html-404", "json-403", "html-502"), third);
                try {
                    Thread.sleep(3 * third);
                } finally {
                    simulator.clearGatewayWindows();
                }
            }
            case LOST_CREATE_ANSWERS -> {
                int dropped = (fault.target() + 1) / 2;
                simulator.failNextCreates("drop_after_create", dropped);
                simulator.failNextCreates("hang_after_create", fault.target() - dropped);
            }
            case SLOW_ANSWERS -> {
                simulator.postLatency(fault, SLOW_ANSWER_MILLIS);
                try {
                    Thread.sleep(d.toMillis());
                } finally {
                    simulator.postLatency(fault, 0);
                }
            }
        }
        return "";
    }

    private void log(String message) {
        out.printf(Locale.ROOT, "  [fault %tT] %s%n", System.currentTimeMillis(), message);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
