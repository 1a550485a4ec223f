package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every variable the manifests hand the container is one the application reads, and none it needs is missing. */
class DeploymentEnvironmentTest {

    private final ConfigKeyCatalog catalog = ConfigKeyCatalog.ofApplication();

    @Test
    void everyVariableTheManifestsSetIsReadByTheApplication() {
        Map<String, String> setBy = variablesSetAnywhereUnderDeploy();

        assertThat(setBy).isNotEmpty();
        assertThat(setBy.keySet()).allSatisfy(name -> assertThat(catalog.reads(name))
                .as("%s (set in %s) is not a configuration key the application reads", name, setBy.get(name))
                .isTrue());
    }

    @Test
    void noVariableSetsAQuarkusBuildTimeProperty() {
        assertThat(variablesSetAnywhereUnderDeploy().keySet()).noneMatch(catalog::isBuildTimeOnly);
    }

    @Test
    void envFromNamesTheConfigMapOfTheKustomizationAndTheExampleSecret() {
        Secret example = SecretExampleTest.secretExample().as(Secret.class);

        assertThat(Deployable.all()).allSatisfy(deployable -> assertThat(deployable.container().getEnvFrom())
                .allSatisfy(source -> {
                    if (source.getConfigMapRef() != null) {
                        assertThat(deployable.configMap(source.getConfigMapRef().getName())).isNotNull();
                    } else {
                        assertThat(source.getSecretRef().getName()).isEqualTo(example.getMetadata().getName());
                    }
                }));
    }

    /** A required key (no default, no value in application.properties) missing here fails the pod at start. */
    @Test
    void everyRequiredApplicationKeyIsProvided() {
        ApplicationProperties properties = ApplicationProperties.load();
        Set<String> provided = new HashSet<>(SecretExampleTest.secretExample().as(Secret.class).getStringData().keySet());

        assertThat(Deployable.all()).allSatisfy(deployable -> {
            Set<String> available = new HashSet<>(provided);
            available.addAll(deployable.configMapEnvironment().keySet());
            ConfigMappingKeys.ofApplication().stream()
                    .filter(ConfigMappingKeys.Key::required)
                    .filter(key -> properties.get(key.pattern()).isEmpty())
                    .forEach(key -> assertThat(available).as("required %s in %s", key.pattern(), deployable)
                            .contains(ConfigKeyCatalog.environmentName(key.pattern())));
        });
    }

    /**
     * What the container is handed, in every kustomization as rendered (generated ConfigMaps and overlay patches
     * included): its env, the keys of the ConfigMaps its envFrom names, and the keys of every Secret under deploy/.
     * Other ConfigMaps (the Grafana dashboard, the KEDA scaler's settings) are not the container's environment.
     */
    private static Map<String, String> variablesSetAnywhereUnderDeploy() {
        Map<String, String> names = new TreeMap<>();
        for (Deployable deployable : Deployable.all()) {
            Container container = deployable.container();
            container.getEnv().stream().map(EnvVar::getName).forEach(n -> names.put(n, "env of " + deployable));
            container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                    .map(source -> deployable.configMap(source.getConfigMapRef().getName()))
                    .forEach(map -> map.getData().keySet().forEach(n -> names.put(n,
                            "ConfigMap " + map.getMetadata().getName() + " of " + deployable)));
        }
        for (Manifest m : DeployManifests.files()) {
            if (m.is("Secret")) {
                Secret secret = m.as(Secret.class);
                secret.getStringData().keySet().forEach(n -> names.put(n, m.toString()));
                secret.getData().keySet().forEach(n -> names.put(n, m.toString()));
            }
        }
        return names;
    }
}
