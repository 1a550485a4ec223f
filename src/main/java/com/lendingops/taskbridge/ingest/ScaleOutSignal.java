package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.RateBudgetPressure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the autoscaler whether another replica could move more events: {@code bridge_scale_out_useful} is 1 unless
 * intake is paused or incs is unavailable (an outage or a rejected token: more pods would consume nothing), or the
 * shared incs rate budget is saturated (the budget, not the pods, bounds throughput: more pods would only queue
 * for the same slots). KEDA multiplies the lag trigger by it (deploy/base/scaledobject.yaml), so consumer lag
 * that builds up while the bridge waits on incs does not add pods that cannot help.
 */
@Startup
@ApplicationScoped
public class ScaleOutSignal {

    private final IntakeGate gate;
    private final IncsClient client;
    private final RateBudgetPressure budget;

    public ScaleOutSignal(IntakeGate gate, IncsClient client, RateBudgetPressure budget, MeterRegistry registry) {
        this.gate = gate;
        this.client = client;
        this.budget = budget;
        Gauge.builder("bridge.scale_out.useful", this, s -> s.useful() ? 1 : 0)
                .description("1 when another replica would raise throughput: intake runs and the incs budget has room")
                .register(registry);
    }

    /** The current answer, from the live intake, availability and budget state. */
    public boolean useful() {
        return useful(gate.isPaused(), client.isAvailable(), budget.saturated());
    }

    /** The rule: scaling out helps only while events flow to incs and the shared budget is not the limit. */
    static boolean useful(boolean intakePaused, boolean incsAvailable, boolean budgetSaturated) {
        return !intakePaused && incsAvailable && !budgetSaturated;
    }
}
