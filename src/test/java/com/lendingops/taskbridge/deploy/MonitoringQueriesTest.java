package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendingops.taskbridge.deploy.promql.PromQl;
import com.lendingops.taskbridge.deploy.promql.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alerts and dashboard: every expression parses, every alert has a runbook, and what the README promises is there. */
class MonitoringQueriesTest {

    /** The alerts the README's operations section names, plus incs errors and rate-budget saturation (issue 12). */
    static final List<String> EXPECTED_ALERTS = List.of("BridgeOutboxLagGrowing", "BridgeIntakePausedTooLong",
            "BridgeIncsTokenRejected", "BridgeDeadLettersGrowing", "BridgeSyncCyclesFailing", "BridgeNoLeader",
            "BridgeIncsErrorRate", "BridgeIncsRateBudgetSaturated", "BridgeOutboxRowParked");

    @Test
    void everyExpressionParsesAsAnInstantVector() {
        List<MonitoringQueries.Query> queries = MonitoringQueries.all();

        assertThat(queries).hasSizeGreaterThan(40);
        assertThat(queries).allSatisfy(q -> assertThat(PromQl.parse(q.promql()).type()).as(q.origin())
                .isEqualTo(ValueType.INSTANT_VECTOR));
    }

    @Test
    void theAlertsOfTheReadmeAndIssue12AreThereEachWithARunbookAndSeverity() {
        List<JsonNode> rules = MonitoringQueries.alertRules();

        assertThat(rules).extracting(r -> r.path("alert").asText()).containsExactlyInAnyOrderElementsOf(EXPECTED_ALERTS);
        assertThat(rules).allSatisfy(rule -> {
            String alert = rule.path("alert").asText();
            assertThat(rule.path("annotations").path("runbook").asText()).as("runbook of %s", alert).hasSizeGreaterThan(40);
            assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", alert).isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
            assertThat(rule.path("expr").asText()).as("%s selects the bridge's job", alert)
                    .contains("job=\"collection-task-bridge\"");
        });
    }

    /** The operators' view the issue asks for, one panel or more per subject. */
    @Test
    void theDashboardShowsEverySubjectTheIssueNames() {
        List<String> exprs = MonitoringQueries.dashboard().stream().map(MonitoringQueries.Query::promql).toList();

        for (String metric : List.of("bridge_ingest_events_consumed_total", "bridge_ingest_outcomes_total",
                "incs_api_calls_seconds_bucket", "incs_api_calls_seconds_count", "incs_api_rate_budget_per_second",
                "bridge_ingest_in_flight", "bridge_ingest_deferred_oldest_age_seconds", "outbox_pending",
                "outbox_lag_seconds", "sync_cycle_calls_sum", "sync_leader")) {
            assertThat(exprs).as("a panel on %s", metric).anyMatch(e -> PromQl.parse(e).metricNames().contains(metric));
        }
        for (String reserved : MetricsExposedTest.FRESHNESS_HISTOGRAMS) {
            assertThat(exprs).as("a panel on %s", reserved)
                    .anyMatch(e -> PromQl.parse(e).metricNames().contains(reserved + "_bucket"));
        }
    }

    @Test
    void theDashboardHasAStableUidAndADatasourceVariable() {
        JsonNode dashboard = MonitoringQueries.dashboardJson();

        assertThat(dashboard.path("uid").asText()).isEqualTo("collection-task-bridge");
        assertThat(dashboard.path("templating").path("list")).anySatisfy(v ->
                assertThat(v.path("type").asText()).isEqualTo("datasource"));
    }
}
