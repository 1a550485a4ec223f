package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.AssignmentPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssigneeChooserTest {

    private static final List<String> AGENTS = List.of("incs_1", "incs_2", "incs_3");

    @Test
    void fixedAlwaysChoosesTheFirstConfiguredAgent() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.FIXED, AGENTS);

        assertThat(IntStream.range(0, 4).mapToObj(i -> chooser.choose(Map.of(), Optional.empty()).orElseThrow()))
                .containsOnly("incs_1");
    }

    @Test
    void roundRobinTakesTheAgentsInTurn() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.ROUND_ROBIN, AGENTS);

        assertThat(IntStream.range(0, 4).mapToObj(i -> chooser.choose(Map.of(), Optional.empty()).orElseThrow()))
                .containsExactly("incs_1", "incs_2", "incs_3", "incs_1");
    }

    @Test
    void leastActiveChoosesTheAgentWithTheFewestOpenTasks() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.LEAST_ACTIVE, AGENTS);

        assertThat(chooser.choose(Map.of("incs_1", 4L, "incs_2", 1L, "incs_3", 2L), Optional.empty()))
                .contains("incs_2");
    }

    @Test
    void leastActiveCountsAnAgentWithoutTasksAsIdle() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.LEAST_ACTIVE, AGENTS);

        assertThat(chooser.choose(Map.of("incs_1", 1L, "incs_2", 1L), Optional.empty())).contains("incs_3");
    }

    @Test
    void leastActiveSpreadsTiesInsteadOfPilingOntoOneAgent() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.LEAST_ACTIVE, AGENTS);

        assertThat(IntStream.range(0, 3).mapToObj(i -> chooser.choose(Map.of(), Optional.empty()).orElseThrow()))
                .containsExactlyInAnyOrder("incs_1", "incs_2", "incs_3");
    }

    @Test
    void stickyKeepsThePhonesPreviousCollector() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.STICKY, AGENTS);

        assertThat(chooser.choose(Map.of("incs_3", 9L), Optional.of("incs_3"))).contains("incs_3");
    }

    @Test
    void stickyFallsBackToLeastActiveWithoutAPreviousCollector() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.STICKY, AGENTS);

        assertThat(chooser.choose(Map.of("incs_1", 2L, "incs_2", 0L, "incs_3", 1L), Optional.empty()))
                .contains("incs_2");
    }

    @Test
    void stickyIgnoresAPreviousCollectorWhoIsNoLongerConfigured() {
        AssigneeChooser chooser = new AssigneeChooser(AssignmentPolicy.STICKY, AGENTS);

        assertThat(chooser.choose(Map.of("incs_1", 0L, "incs_2", 3L, "incs_3", 3L), Optional.of("former_agent")))
                .contains("incs_1");
    }

    @Test
    void choosesNobodyWhenNoAgentIsConfigured() {
        assertThat(new AssigneeChooser(AssignmentPolicy.ROUND_ROBIN, List.of()).choose(Map.of(), Optional.empty()))
                .isEmpty();
    }
}
