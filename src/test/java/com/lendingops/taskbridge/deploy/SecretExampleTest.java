package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/ documents the Secret the bridge needs but never carries a real secret value. */
class SecretExampleTest {

    /** What a placeholder looks like: change-me, <your-token>, REPLACE_ME and the like. */
    static final Pattern PLACEHOLDER = Pattern.compile("(?i)change[-_]?me|replace[-_]?me|<[^>]+>");

    static Manifest secretExample() {
        return DeployManifests.files().stream()
                .filter(m -> m.source().getFileName().toString().equals("secret.example.yaml"))
                .filter(m -> m.is("Secret"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("deploy/base/secret.example.yaml holds no Secret"));
    }

    @Test
    void everySecretUnderDeployHoldsPlaceholdersOnly() {
        assertThat(DeployManifests.files()).filteredOn(m -> m.is("Secret")).isNotEmpty().allSatisfy(m -> {
            Secret secret = m.as(Secret.class);
            assertThat(secret.getData()).as("base64 data in %s could hide a real value", m).isEmpty();
            assertThat(secret.getStringData()).isNotEmpty();
            assertThat(secret.getStringData().values()).allMatch(v -> PLACEHOLDER.matcher(v).matches(),
                    "placeholder such as change-me");
        });
    }

    @Test
    void secretExampleCarriesTheIncsTokenAndTheDatabasePassword() {
        assertThat(secretExample().as(Secret.class).getStringData())
                .containsOnlyKeys("INCS_API_TOKEN", "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void noKustomizationAppliesASecret() {
        assertThat(Deployable.all()).allSatisfy(deployable -> assertThat(deployable.every("Secret"))
                .as("Secrets rendered by %s", deployable).isEmpty());
    }

    @Test
    void placeholderPatternRejectsARealLookingValue() {
        assertThat(PLACEHOLDER.matcher("sk_live_8f3a2b1c9d").matches()).isFalse();
        assertThat(PLACEHOLDER.matcher("change-me").matches()).isTrue();
    }
}
