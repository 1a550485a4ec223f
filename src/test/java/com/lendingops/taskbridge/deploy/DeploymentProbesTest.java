package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;

/** Probes, Service and ServiceMonitor point at ports and paths the application really serves. */
class DeploymentProbesTest {

    private final ApplicationProperties app = ApplicationProperties.load();

    @Test
    void healthAndMetricsExtensionsAreOnTheClasspath() {
        assertThatCode(() -> Class.forName("io.quarkus.smallrye.health.runtime.SmallRyeHealthRecorder"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Class.forName("io.quarkus.micrometer.runtime.export.PrometheusMeterRegistryProvider"))
                .doesNotThrowAnyException();
    }

    @Test
    void probesCallTheApplicationsHealthEndpointsOnItsHttpPort() {
        int httpPort = Integer.parseInt(app.get("quarkus.http.port", "8080"));

        assertThat(Deployable.all()).allSatisfy(deployable -> {
            Container container = deployable.container();
            assertProbe(deployable, container.getLivenessProbe().getHttpGet(), healthPath("liveness-path", "live"), httpPort);
            assertProbe(deployable, container.getReadinessProbe().getHttpGet(), healthPath("readiness-path", "ready"), httpPort);
            assertProbe(deployable, container.getStartupProbe().getHttpGet(), healthPath("startup-path", "started"), httpPort);
        });
    }

    @Test
    void serviceMonitorScrapesTheMetricsEndpointThroughTheService() {
        String metricsPath = nonApplicationRoot() + "/" + app.get("quarkus.micrometer.export.prometheus.path", "metrics");
        int httpPort = Integer.parseInt(app.get("quarkus.http.port", "8080"));

        assertThat(Deployable.all()).allSatisfy(deployable -> {
            Service service = deployable.single("Service").as(Service.class);
            assertThat(deployable.podLabels()).containsAllEntriesOf(service.getSpec().getSelector());
            var endpoint = deployable.single("ServiceMonitor").tree().path("spec").path("endpoints").get(0);
            assertThat(endpoint.path("path").asText()).isEqualTo(metricsPath);
            ServicePort scraped = service.getSpec().getPorts().stream()
                    .filter(p -> p.getName().equals(endpoint.path("port").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("ServiceMonitor port is not a Service port in " + deployable));
            assertThat(deployable.containerPort(scraped.getTargetPort())).isEqualTo(httpPort);
        });
    }

    private void assertProbe(Deployable deployable, HTTPGetAction probe, String expectedPath, int httpPort) {
        assertThat(probe.getPath()).as("probe path in %s", deployable).isEqualTo(expectedPath);
        IntOrString port = probe.getPort();
        assertThat(deployable.containerPort(port)).as("probe port in %s", deployable).isEqualTo(httpPort);
    }

    /** SmallRye Health paths under the non-application root, as Quarkus builds them. */
    private String healthPath(String key, String fallback) {
        String root = app.get("quarkus.smallrye-health.root-path", "health");
        return nonApplicationRoot() + "/" + root + "/" + app.get("quarkus.smallrye-health." + key, fallback);
    }

    private String nonApplicationRoot() {
        return "/" + app.get("quarkus.http.non-application-root-path", "q").replaceAll("^/|/$", "");
    }
}
