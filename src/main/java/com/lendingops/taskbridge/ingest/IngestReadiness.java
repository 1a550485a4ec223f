package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.IncsClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of ingest: DOWN while incs refuses our token, which needs an operator (no request is rejected
 * meanwhile, consumption is paused). An open circuit is reported but stays UP: it heals by itself.
 */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {

    private final IncsClient client;
    private final IntakeGate gate;

    public IngestReadiness(IncsClient client, IntakeGate gate) {
        this.client = client;
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ingest")
                .status(!client.isUnauthorized())
                .withData("paused", gate.isPaused())
                .withData("incsTokenRefused", client.isUnauthorized())
                .withData("incsCircuitOpen", client.isCircuitOpen())
                .build();
    }
}
