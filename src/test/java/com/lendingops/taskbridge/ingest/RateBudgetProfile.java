package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.simulator.SimulatorProcess;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application with a global incs budget of {@link #RATE} calls per second (a separate application start),
 * talking to an incs simulator in a JVM of its own ({@link SimulatorProcess} says why): these overrides take
 * precedence over the shared environment's {@code incs.api-url}.
 */
public class RateBudgetProfile implements QuarkusTestProfile {

    static final int RATE = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("incs.rate-limit-per-second", String.valueOf(RATE),
                "incs.api-url", SimulatorProcess.sharedBaseUrl(),
                "incs.api-token", SimulatorProcess.token());
    }
}
