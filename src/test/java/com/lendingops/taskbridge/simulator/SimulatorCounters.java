package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the simulator observed, for tests to assert on: requests by route and outcome, tasks created
 * per phone through POST (seeded tasks are not counted), every request's arrival time on the
 * simulator's ticker, list calls since the last {@link #resetListCalls()}, and every POST body read.
 * All methods are synchronized (written by the event loop, read by tests).
 */
public final class SimulatorCounters {

    private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** One POST /external/tasks body as received: the raw text and its parsed JSON (null if unparsable). */
    public record ReceivedBody(String raw, JsonNode json) {
    }

    private final Map<Route, Map<Outcome, Long>> outcomes = new EnumMap<>(Route.class);
    private final Map<String, Integer> createdPerPhone = new LinkedHashMap<>();
    private final Map<Route, List<Long>> arrivals = new EnumMap<>(Route.class);
    /** Bounded so a standalone run of days does not keep every body; tests need far fewer. */
    static final int MAX_RECEIVED_BODIES = 50_000;

    private final ArrayDeque<ReceivedBody> received = new ArrayDeque<>();
    private long listCalls;

    synchronized void arrival(Route route, long nanos) {
        arrivals.computeIfAbsent(route, r -> new ArrayList<>()).add(nanos);
        if (route == Route.LIST) {
            listCalls++;
        }
    }

    synchronized void outcome(Route route, Outcome outcome) {
        outcomes.computeIfAbsent(route, r -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
    }

    synchronized void taskCreated(String phone) {
        createdPerPhone.merge(phone, 1, Integer::sum);
    }

    synchronized void received(ReceivedBody body) {
        if (received.size() == MAX_RECEIVED_BODIES) {
            received.pollFirst();
        }
        received.addLast(body);
    }

    /** Requests of {@code route} that ended with {@code outcome}. */
    public synchronized long count(Route route, Outcome outcome) {
        return outcomes.getOrDefault(route, Map.of()).getOrDefault(outcome, 0L);
    }

    /** Every outcome seen on {@code route}, with its count. */
    public synchronized Map<Outcome, Long> outcomes(Route route) {
        return Map.copyOf(outcomes.getOrDefault(route, Map.of()));
    }

    /** All requests that arrived on {@code route}, whatever their outcome. */
    public synchronized long requests(Route route) {
        return arrivals.getOrDefault(route, List.of()).size();
    }

    /** Tasks created through POST for {@code phone} (including those whose answer was dropped). */
    public synchronized int tasksCreatedFor(String phone) {
        return createdPerPhone.getOrDefault(phone, 0);
    }

    public synchronized Map<String, Integer> tasksCreatedPerPhone() {
        return Map.copyOf(createdPerPhone);
    }

    /** GET /external/tasks calls since the last {@link #resetListCalls()} (or reset). */
    public synchronized long listCalls() {
        return listCalls;
    }

    public synchronized void resetListCalls() {
        listCalls = 0;
    }

    /** Arrival times (simulator ticker, nanoseconds) of every request on {@code route}. */
    public synchronized List<Long> arrivalNanos(Route route) {
        return List.copyOf(arrivals.getOrDefault(route, List.of()));
    }

    /** The most requests (all /external routes) that arrived within any sliding one-second window. */
    public synchronized int maxRequestsInAnySecond() {
        return maxInAnySecond(arrivals.values().stream().flatMap(List::stream).mapToLong(Long::longValue).toArray());
    }

    /** The most requests on {@code route} that arrived within any sliding one-second window. */
    public synchronized int maxRequestsInAnySecond(Route route) {
        return maxInAnySecond(arrivals.getOrDefault(route, List.of()).stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Every POST /external/tasks body that was read (authorized, not cut off by an earlier fault),
     * oldest first; only the latest {@value #MAX_RECEIVED_BODIES} are kept.
     */
    public synchronized List<ReceivedBody> receivedCreateBodies() {
        return List.copyOf(received);
    }

    /** Forgets everything observed so far. */
    public synchronized void reset() {
        outcomes.clear();
        createdPerPhone.clear();
        arrivals.clear();
        received.clear();
        listCalls = 0;
    }

    /** The most instants (nanoseconds, any order; sorted in place) within any sliding window of one second. */
    public static int maxInAnySecond(long[] times) {
        Arrays.sort(times);
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.length; end++) {
            while (times[end] - times[start] >= ONE_SECOND) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
}
