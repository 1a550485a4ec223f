package com.lendingops.taskbridge.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application with a global incs budget of {@link #RATE} calls per second (a separate application start). */
public class RateBudgetProfile implements QuarkusTestProfile {

    static final int RATE = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("incs.rate-limit-per-second", String.valueOf(RATE));
    }
}
