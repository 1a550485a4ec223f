package com.lendingops.taskbridge.simulator;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * Everything the simulator starts with. Build with {@link #builder()}; the defaults suit tests:
 * loopback on a free port, token {@code test-token}, Asia/Jakarta timestamps, well-behaved, tasks
 * stay put.
 *
 * @param clock source of task timestamps
 * @param ticker nanosecond source for arrival times and the rate-limit window ({@code System::nanoTime});
 *        a test may pass a fake one to make the window deterministic
 * @param randomSeed seed of the random faults and terminations, for reproducible runs
 */
public record SimulatorConfig(String host, int port, String token, ZoneId zone, Clock clock, LongSupplier ticker,
                              ResponseOptions responseOptions, TaskTimeline timeline, FaultSettings faults,
                              RateLimit rateLimit, long randomSeed) {

    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder of {@link SimulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String token = "test-token";
        private ZoneId zone = ZoneId.of("Asia/Jakarta");
        private Clock clock = Clock.systemUTC();
        private LongSupplier ticker = System::nanoTime;
        private ResponseOptions responseOptions = ResponseOptions.defaults();
        private TaskTimeline timeline = TaskTimeline.off();
        private FaultSettings faults = FaultSettings.none();
        private RateLimit rateLimit = RateLimit.none();
        private long randomSeed = 20260416L;

        /** Interface to bind; {@code 0.0.0.0} to be reachable from other hosts. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Port to listen on; 0 (default) picks a free one. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder token(String value) {
            token = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder ticker(LongSupplier value) {
            ticker = value;
            return this;
        }

        public Builder responseOptions(ResponseOptions value) {
            responseOptions = value;
            return this;
        }

        public Builder timeline(TaskTimeline value) {
            timeline = value;
            return this;
        }

        public Builder faults(FaultSettings value) {
            faults = value;
            return this;
        }

        public Builder rateLimit(RateLimit value) {
            rateLimit = value;
            return this;
        }

        public Builder randomSeed(long value) {
            randomSeed = value;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(host, port, token, zone, clock, ticker, responseOptions, timeline, faults,
                    rateLimit, randomSeed);
        }
    }
}
