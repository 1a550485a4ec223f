package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.testsupport.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.config.IncsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the shared incs budget, not the replica count, limits throughput: long slot waits, held for a while. */
class RateBudgetPressureTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aSlotFarAheadMarksTheBudgetSaturatedAndTheGaugeSaysSo() {
        RateBudgetPressure pressure = pressure(10);

        pressure.slotReserved(Duration.ofMillis(1500));

        assertThat(pressure.saturated()).isTrue();
        assertThat(registry.get("incs.api.rate_budget.saturated").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("incs.api.rate_budget.per_second").gauge().value()).isEqualTo(10.0);
    }

    @Test
    void shortWaitsAreNormalSpacingNotSaturation() {
        RateBudgetPressure pressure = pressure(10);

        pressure.slotReserved(Duration.ofMillis(110));
        pressure.slotReserved(Duration.ofMillis(999));

        assertThat(pressure.saturated()).isFalse();
    }

    @Test
    void saturationEndsOnlyAfterTheHoldWithoutAnotherLongWait() {
        RateBudgetPressure pressure = pressure(10);
        pressure.slotReserved(Duration.ofSeconds(3));

        clock.advance(Duration.ofSeconds(60));
        assertThat(pressure.saturated()).as("at the end of the hold").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(pressure.saturated()).as("just after the hold").isFalse();
    }

    @Test
    void noSlotBeforeTheDeadlineIsSaturation() {
        RateBudgetPressure pressure = pressure(2);

        pressure.noSlotInTime();

        assertThat(pressure.saturated()).isTrue();
    }

    @Test
    void anUnlimitedBudgetIsNeverSaturated() {
        RateBudgetPressure pressure = pressure(0);

        pressure.slotReserved(Duration.ofSeconds(30));
        pressure.noSlotInTime();

        assertThat(pressure.saturated()).isFalse();
    }

    private RateBudgetPressure pressure(double perSecond) {
        return new RateBudgetPressure(config(Map.of("rateLimitPerSecond", perSecond,
                "rateLimitSaturationWait", Duration.ofSeconds(1), "rateLimitSaturationHold", Duration.ofSeconds(60))),
                clock, registry);
    }

    private static IncsConfig config(Map<String, Object> values) {
        return (IncsConfig) Proxy.newProxyInstance(IncsConfig.class.getClassLoader(), new Class<?>[] {IncsConfig.class},
                (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
    }

    /** A clock that moves only when told. */
}
