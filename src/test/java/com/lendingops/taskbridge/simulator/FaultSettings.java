package com.lendingops.taskbridge.simulator;

import java.time.Duration;

/**
 * Random misbehaviour of one route (or every route). Each rate is the fraction of requests affected,
 * in [0, 1]. Latency is drawn uniformly from [{@code latencyMin}, {@code latencyMax}] and delays the
 * answer, not the processing: a client that gives up early may still have created a task.
 */
public record FaultSettings(Duration latencyMin, Duration latencyMax, double error500Rate, double resetRate,
                            double timeoutRate, double dropAfterCreateRate, double hangAfterCreateRate) {

    public FaultSettings {
        if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0) {
            throw new IllegalArgumentException("latency must satisfy 0 <= min <= max");
        }
        for (double rate : new double[] {error500Rate, resetRate, timeoutRate, dropAfterCreateRate,
                hangAfterCreateRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rates must be within [0, 1], was " + rate);
            }
        }
    }

    /** Well-behaved: no latency, no faults. */
    public static FaultSettings none() {
        return new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 0);
    }

    public FaultSettings withLatency(Duration fixed) {
        return withLatency(fixed, fixed);
    }

    public FaultSettings withLatency(Duration min, Duration max) {
        return new FaultSettings(min, max, error500Rate, resetRate, timeoutRate, dropAfterCreateRate,
                hangAfterCreateRate);
    }

    public FaultSettings withError500Rate(double rate) {
        return new FaultSettings(latencyMin, latencyMax, rate, resetRate, timeoutRate, dropAfterCreateRate,
                hangAfterCreateRate);
    }

    public FaultSettings withResetRate(double rate) {
        return new FaultSettings(latencyMin, latencyMax, error500Rate, rate, timeoutRate, dropAfterCreateRate,
                hangAfterCreateRate);
    }

    public FaultSettings withTimeoutRate(double rate) {
        return new FaultSettings(latencyMin, latencyMax, error500Rate, resetRate, rate, dropAfterCreateRate,
                hangAfterCreateRate);
    }

    public FaultSettings withDropAfterCreateRate(double rate) {
        return new FaultSettings(latencyMin, latencyMax, error500Rate, resetRate, timeoutRate, rate,
                hangAfterCreateRate);
    }

    public FaultSettings withHangAfterCreateRate(double rate) {
        return new FaultSettings(latencyMin, latencyMax, error500Rate, resetRate, timeoutRate, dropAfterCreateRate,
                rate);
    }
}
