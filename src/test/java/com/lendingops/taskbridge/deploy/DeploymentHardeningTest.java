package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The pod runs locked down, sized, disruption-safe, and is given time to drain on shutdown. */
class DeploymentHardeningTest {

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            PodSpec pod = deployable.deployment().getSpec().getTemplate().getSpec();
            Container container = deployable.container();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
            String tmpVolume = container.getVolumeMounts().stream()
                    .filter(mount -> mount.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError("no /tmp mount in " + deployable))
                    .getName();
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmpVolume))
                    .singleElement().extracting(Volume::getEmptyDir).isNotNull();
        });
    }

    @Test
    void containerHasCpuAndMemoryRequestsAndAMemoryLimit() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            var resources = deployable.container().getResources();
            assertThat(resources.getRequests()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).containsKey("memory");
        });
    }

    /** The JVM sizes its heap from the limit; a pod above its request is evicted first under node pressure. */
    @Test
    void memoryRequestEqualsTheLimit() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            var resources = deployable.container().getResources();
            assertThat(resources.getRequests().get("memory")).as("memory of %s", deployable)
                    .isEqualTo(resources.getLimits().get("memory"));
        });
    }

    /** A share of the container's memory, not a fixed -Xmx that a changed limit would not follow. */
    @Test
    void heapIsSizedFromTheContainerLimitAfterTheImageDefaults() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            String options = deployable.container().getEnv().stream()
                    .filter(e -> e.getName().equals("JAVA_OPTS_APPEND")).findFirst()
                    .orElseThrow(() -> new AssertionError("no JAVA_OPTS_APPEND in " + deployable)).getValue();
            var percentage = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(options);
            assertThat(percentage.find()).as(options).isTrue();
            assertThat(Double.parseDouble(percentage.group(1))).isBetween(25.0, 75.0);
            assertThat(options).doesNotContain("-Xmx").contains("-Dquarkus.http.host=0.0.0.0");
        });
    }

    @Test
    void replicasSpreadOverZonesAndNodes() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            var constraints = deployable.deployment().getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertThat(constraints).extracting(c -> c.getTopologyKey())
                    .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(constraints).allSatisfy(c -> assertThat(deployable.podLabels())
                    .containsAllEntriesOf(c.getLabelSelector().getMatchLabels()));
        });
    }

    /** SIGKILL comes after the grace period: Quarkus must finish draining in-flight incs calls first. */
    @Test
    void gracePeriodOutlastsTheShutdownTimeoutWhichOutlastsOneIncsCall() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            var env = deployable.configMapEnvironment();
            Duration shutdown = quarkusDuration(env.get("QUARKUS_SHUTDOWN_TIMEOUT"));
            Duration incsCall = quarkusDuration(env.getOrDefault("INCS_REQUEST_TIMEOUT", incsRequestTimeoutDefault()));
            long grace = deployable.deployment().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(shutdown).as("QUARKUS_SHUTDOWN_TIMEOUT in %s", deployable).isGreaterThan(incsCall);
            assertThat(Duration.ofSeconds(grace)).as("terminationGracePeriodSeconds in %s", deployable)
                    .isGreaterThanOrEqualTo(shutdown.plusSeconds(10));
        });
    }

    @Test
    void disruptionBudgetAndNetworkPolicySelectTheDeploymentsPods() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            var pdb = deployable.single("PodDisruptionBudget").as(PodDisruptionBudget.class);
            var policy = deployable.single("NetworkPolicy").as(NetworkPolicy.class);
            assertThat(deployable.podLabels()).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(deployable.podLabels()).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        });
    }

    @Test
    void networkPolicyLetsInHttpAndLetsOutDnsKafkaPostgresAndHttps() {
        assertThat(Deployable.all()).allSatisfy(deployable -> {
            NetworkPolicy policy = deployable.single("NetworkPolicy").as(NetworkPolicy.class);
            List<Integer> ingress = policy.getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getPorts().stream()).map(this::port).toList();
            List<Integer> egress = policy.getSpec().getEgress().stream()
                    .flatMap(rule -> rule.getPorts().stream()).map(this::port).toList();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(ingress).containsExactly(8080);
            assertThat(egress).contains(53, 9092, 5432, 443);
        });
    }

    private int port(NetworkPolicyPort port) {
        return port.getPort().getIntVal();
    }

    private static String incsRequestTimeoutDefault() {
        return ConfigMappingKeys.ofApplication().stream()
                .filter(key -> key.pattern().equals("incs.request-timeout"))
                .findFirst().flatMap(ConfigMappingKeys.Key::defaultValue)
                .orElseThrow(() -> new AssertionError("IncsConfig no longer has a request-timeout default"));
    }

    /** Quarkus durations: "40s", "2m", or ISO-8601 "PT40S"; a bare number means seconds. */
    static Duration quarkusDuration(String value) {
        if (value == null) {
            throw new AssertionError("duration not set");
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.startsWith("P")) {
            return Duration.parse(v);
        }
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        return v.endsWith("MS") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                : Duration.parse("PT" + v);
    }
}
