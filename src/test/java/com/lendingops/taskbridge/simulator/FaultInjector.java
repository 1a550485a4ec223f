package com.lendingops.taskbridge.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Decides, request by request, which fault (if any) the simulator injects: "fail the next N"
 * requests first, then the random rates of the route, plus the sliding-window rate limit.
 * Changeable at run time from tests and the admin endpoint; all methods are synchronized.
 */
public final class FaultInjector {

    private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A "fail the next {@code remaining} requests" order; {@code route} null means any route. */
    public record PendingFault(Route route, Fault fault, int remaining) {
    }

    private final Random random;
    private final Map<Route, FaultSettings> settings = new EnumMap<>(Route.class);
    private final List<PendingFault> pending = new ArrayList<>();
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private RateLimit rateLimit = RateLimit.none();

    FaultInjector(Random random, FaultSettings initial, RateLimit initialRateLimit) {
        this.random = random;
        set(initial);
        setRateLimit(initialRateLimit);
    }

    /** Applies {@code faults} to every route. */
    public synchronized void set(FaultSettings faults) {
        for (Route route : Route.values()) {
            settings.put(route, faults);
        }
    }

    /** Applies {@code faults} to one route ({@code null}: every route). */
    public synchronized void set(Route route, FaultSettings faults) {
        if (route == null) {
            set(faults);
        } else {
            settings.put(route, faults);
        }
    }

    public synchronized FaultSettings settings(Route route) {
        return settings.get(route);
    }

    /** The next {@code count} requests of any route that reach the fault's stage get {@code fault}. */
    public void failNext(Fault fault, int count) {
        failNext(null, fault, count);
    }

    /** The next {@code count} requests of {@code route} ({@code null}: any) that reach the fault's stage. */
    public synchronized void failNext(Route route, Fault fault, int count) {
        if (count > 0) {
            pending.add(new PendingFault(route, fault, count));
        }
    }

    public synchronized List<PendingFault> pending() {
        return List.copyOf(pending);
    }

    public synchronized void setRateLimit(RateLimit limit) {
        rateLimit = limit;
        admitted.clear();
    }

    public synchronized RateLimit rateLimit() {
        return rateLimit;
    }

    /** Back to a well-behaved API: no faults, no pending orders, no rate limit. */
    public synchronized void clear() {
        set(FaultSettings.none());
        pending.clear();
        setRateLimit(RateLimit.none());
    }

    /** RESET, TIMEOUT or null, decided when the request arrives. */
    synchronized Fault beforeProcessing(Route route) {
        if (take(route, Fault.RESET)) {
            return Fault.RESET;
        }
        if (take(route, Fault.TIMEOUT)) {
            return Fault.TIMEOUT;
        }
        FaultSettings faults = settings.get(route);
        if (hit(faults.resetRate())) {
            return Fault.RESET;
        }
        return hit(faults.timeoutRate()) ? Fault.TIMEOUT : null;
    }

    /** -1 if the request is admitted, else the nanoseconds until the window frees a slot. */
    synchronized long retryAfterNanos(Route route, long now) {
        if (take(route, Fault.RATE_LIMITED)) {
            return ONE_SECOND;
        }
        if (!rateLimit.enabled()) {
            return -1;
        }
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= ONE_SECOND) {
            admitted.pollFirst();
        }
        if (admitted.size() >= rateLimit.requestsPerSecond()) {
            return admitted.peekFirst() + ONE_SECOND - now;
        }
        admitted.addLast(now);
        return -1;
    }

    synchronized boolean serverError(Route route) {
        return take(route, Fault.ERROR_500) || hit(settings.get(route).error500Rate());
    }

    /** DROP_AFTER_CREATE, HANG_AFTER_CREATE or null, decided once a task has been created. */
    synchronized Fault afterCreate() {
        if (take(Route.CREATE, Fault.DROP_AFTER_CREATE)) {
            return Fault.DROP_AFTER_CREATE;
        }
        if (take(Route.CREATE, Fault.HANG_AFTER_CREATE)) {
            return Fault.HANG_AFTER_CREATE;
        }
        FaultSettings faults = settings.get(Route.CREATE);
        if (hit(faults.dropAfterCreateRate())) {
            return Fault.DROP_AFTER_CREATE;
        }
        return hit(faults.hangAfterCreateRate()) ? Fault.HANG_AFTER_CREATE : null;
    }

    synchronized long latencyMillis(Route route) {
        FaultSettings faults = settings.get(route);
        long min = faults.latencyMin().toMillis();
        long max = faults.latencyMax().toMillis();
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min + 1));
    }

    private boolean hit(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private boolean take(Route route, Fault fault) {
        for (int i = 0; i < pending.size(); i++) {
            PendingFault order = pending.get(i);
            if (order.fault() == fault && (order.route() == null || order.route() == route)) {
                if (order.remaining() == 1) {
                    pending.remove(i);
                } else {
                    pending.set(i, new PendingFault(order.route(), fault, order.remaining() - 1));
                }
                return true;
            }
        }
        return false;
    }
}
