package com.lendingops.taskbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL expression deploy/ ships: the alert rules, the dashboard's panel queries (Grafana variables replaced
 * by what Grafana would put there) and the autoscaler's Prometheus triggers, each with where it comes from.
 */
final class MonitoringQueries {

    static final Path DASHBOARD = ProjectFiles.deploy().resolve("base/dashboards/collection-task-bridge.json");

    /** One expression and a name for messages ("alert BridgeNoLeader", "panel Outbox lag", ...). */
    record Query(String origin, String promql) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*[a-zA-Z_]+\\)");

    private MonitoringQueries() {
    }

    static List<Query> all() {
        List<Query> all = new ArrayList<>(alerts());
        all.addAll(dashboard());
        all.addAll(autoscaler());
        return all;
    }

    static List<JsonNode> alertRules() {
        List<JsonNode> rules = new ArrayList<>();
        DeployManifests.files().stream().filter(m -> m.is("PrometheusRule")).forEach(m -> m.tree().path("spec")
                .path("groups").forEach(group -> group.path("rules").forEach(rules::add)));
        return rules;
    }

    static List<Query> alerts() {
        return alertRules().stream()
                .map(rule -> new Query("alert " + rule.path("alert").asText(rule.path("record").asText()),
                        rule.path("expr").asText()))
                .toList();
    }

    static JsonNode dashboardJson() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Panel targets, nested row panels included, and the selector inside the variables' label_values(). */
    static List<Query> dashboard() {
        JsonNode dashboard = dashboardJson();
        List<Query> queries = new ArrayList<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(target -> queries.add(new Query("panel " + panel.path("title").asText(),
                    grafanaVariablesReplaced(target.path("expr").asText()))));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (labelValues.matches()) {
                queries.add(new Query("variable " + variable.path("name").asText(), labelValues.group(1)));
            }
        }
        return queries;
    }

    /** The Prometheus triggers of every ScaledObject file (base and overlay patches). */
    static List<Query> autoscaler() {
        List<Query> queries = new ArrayList<>();
        DeployManifests.files().stream().filter(m -> m.is("ScaledObject")).forEach(m -> m.tree().path("spec")
                .path("triggers").forEach(trigger -> {
                    if (trigger.path("type").asText().equals("prometheus")) {
                        queries.add(new Query("trigger " + trigger.path("name").asText() + " in " + m,
                                trigger.path("metadata").path("query").asText()));
                    }
                }));
        return queries;
    }

    /** What Grafana substitutes: the rate interval and the "All" regex of a multi-value variable. */
    static String grafanaVariablesReplaced(String expr) {
        return expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$namespace", ".+");
    }
}
