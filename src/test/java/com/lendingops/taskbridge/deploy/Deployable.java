package com.lendingops.taskbridge.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The objects one kustomization (base or overlay) applies, with lookups the tests share. */
record Deployable(Path dir, List<Manifest> manifests) {

    static List<Deployable> all() {
        return DeployManifests.kustomizationDirs().stream()
                .map(dir -> new Deployable(dir, DeployManifests.rendered(dir)))
                .toList();
    }

    Manifest single(String kind) {
        return DeployManifests.single(manifests, kind);
    }

    List<Manifest> every(String kind) {
        return manifests.stream().filter(m -> m.is(kind)).toList();
    }

    Deployment deployment() {
        return single("Deployment").as(Deployment.class);
    }

    Container container() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    Map<String, String> podLabels() {
        return deployment().getSpec().getTemplate().getMetadata().getLabels();
    }

    /** Environment as the container sees it: envFrom ConfigMaps of this kustomization, then env. */
    Map<String, String> configMapEnvironment() {
        Map<String, String> env = new HashMap<>();
        container().getEnvFrom().stream()
                .filter(source -> source.getConfigMapRef() != null)
                .forEach(source -> env.putAll(configMap(source.getConfigMapRef().getName()).getData()));
        container().getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    ConfigMap configMap(String name) {
        return every("ConfigMap").stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dir + " has no ConfigMap " + name))
                .as(ConfigMap.class);
    }

    /** The container port a probe or Service targets, by number or by name. */
    int containerPort(IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container().getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    @Override
    public String toString() {
        return ProjectFiles.root().relativize(dir).toString();
    }
}
