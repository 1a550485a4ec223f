package com.lendingops.taskbridge.incs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Micrometer meters of the incs client: {@code incs.api.calls} (latency histogram by route and outcome),
 * {@code incs.api.in_flight} and {@code incs.api.queued}, {@code incs.api.rate_limit.wait},
 * {@code incs.api.short_circuited}, {@code incs.api.retries}, and 0/1 gauges {@code incs.api.circuit_open}
 * and {@code incs.api.unauthorized}.
 */
@ApplicationScoped
public class IncsClientMetrics {

    private final MeterRegistry registry;
    private final Timer rateLimitWait;

    public IncsClientMetrics(MeterRegistry registry, IncsAvailability availability) {
        this.registry = registry;
        this.rateLimitWait = Timer.builder("incs.api.rate_limit.wait")
                .description("Time calls waited for their slot in the global incs rate budget")
                .publishPercentileHistogram()
                .register(registry);
        gauge("incs.api.circuit_open", () -> availability.isCircuitOpen() ? 1 : 0);
        gauge("incs.api.unauthorized", () -> availability.isUnauthorized() ? 1 : 0);
        // present from the start at 0, so rates and alerts see the first short circuit and the first retry
        for (IncsRoute route : IncsRoute.values()) {
            shortCircuits(route.tag());
            retries(route.tag());
        }
    }

    void trackLimiter(InFlightLimiter limiter) {
        gauge("incs.api.in_flight", limiter::inFlight);
        gauge("incs.api.queued", limiter::queued);
    }

    void recordCall(String route, String outcome, Duration latency) {
        Timer.builder("incs.api.calls")
                .description("incs API calls by route and outcome")
                .tag("route", route)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    void recordRateLimitWait(Duration wait) {
        rateLimitWait.record(wait);
    }

    void recordShortCircuit(String route) {
        shortCircuits(route).increment();
    }

    void recordRetry(String route) {
        retries(route).increment();
    }

    private Counter shortCircuits(String route) {
        return Counter.builder("incs.api.short_circuited").description("Calls refused because the circuit was open")
                .tag("route", route).register(registry);
    }

    private Counter retries(String route) {
        return Counter.builder("incs.api.retries").description("Retries of idempotent incs calls")
                .tag("route", route).register(registry);
    }

    private void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).register(registry);
    }
}
