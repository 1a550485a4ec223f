package com.lendingops.taskbridge.incs;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the incs dependency. DOWN only while incs rejects the token: that needs a person (a new
 * {@code INCS_API_TOKEN}), so it must be visible to the platform and to alerting. An open circuit stays UP with
 * {@code circuit=open} in the data: it is a transient outage the service already handles (consumption pauses,
 * probes resume it), readiness DOWN would not help (this service takes no traffic through its Service) but
 * would stall rolling updates and flap every replica at once during an incs outage.
 */
@Readiness
@ApplicationScoped
class IncsReadinessCheck implements HealthCheck {

    private final IncsAvailability availability;

    IncsReadinessCheck(IncsAvailability availability) {
        this.availability = availability;
    }

    @Override
    public HealthCheckResponse call() {
        boolean unauthorized = availability.isUnauthorized();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("incs")
                .status(!unauthorized)
                .withData("circuit", availability.isCircuitOpen() ? "open" : "closed")
                .withData("unauthorized", unauthorized);
        if (unauthorized) {
            response.withData("reason", "incs rejects the API token (401 / code 10001); set a valid INCS_API_TOKEN");
        }
        return response.build();
    }
}
