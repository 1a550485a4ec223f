package com.lendingops.taskbridge.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.deploy.promql.PromQl;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.ingest.IngestTestSupport;
import com.lendingops.taskbridge.sync.SyncCycle;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alert rules, the dashboard and the autoscaler query is one the application exposes: after a short
 * scenario (a created task, a dead letter, a sync cycle), /q/metrics is scraped and every selected name must be a
 * sample name there, Prometheus suffixes included (_total, _seconds_bucket/_count/_sum, _max).
 */
@QuarkusTest
class MetricsExposedTest {

    /** The freshness histograms of issue 12 ("Freshness, measured"), each with a dashboard panel. */
    static final List<String> FRESHNESS_HISTOGRAMS = List.of(
            "bridge_freshness_event_to_task_created_seconds",
            "bridge_freshness_event_to_created_published_seconds",
            "bridge_freshness_change_to_published_seconds");

    @Inject
    IncsClient client;

    @Inject
    SyncCycle sync;

    @Test
    void everyMetricTheRulesTheDashboardAndTheAutoscalerUseIsExposed() {
        runScenario();
        Set<String> exposed = exposedNames(given().get("/q/metrics").then().statusCode(200).extract().asString());

        Map<String, Set<String>> missing = new TreeMap<>();
        for (MonitoringQueries.Query query : MonitoringQueries.all()) {
            PromQl.parse(query.promql()).metricNames().stream()
                    .filter(name -> !exposed.contains(name))
                    .forEach(name -> missing.computeIfAbsent(name, n -> new TreeSet<>()).add(query.origin()));
        }

        assertThat(missing).as("metrics used but not exposed (name: where)").isEmpty();
    }

    /** The scrape parser reads sample names, so a histogram is known by its _bucket/_count/_sum series. */
    @Test
    void sampleNamesAreReadFromTheExpositionFormat() {
        assertThat(exposedNames("""
                # HELP incs_api_calls_seconds incs API calls
                # TYPE incs_api_calls_seconds histogram
                incs_api_calls_seconds_bucket{route="create",le="0.1"} 3.0
                incs_api_calls_seconds_count{route="create"} 3.0
                sync_leader 1.0
                """)).containsExactlyInAnyOrder("incs_api_calls_seconds_bucket", "incs_api_calls_seconds_count",
                "sync_leader");
    }

    /** A created task (incs calls, outcomes, outbox), an unreadable record (dead letter) and a sync cycle. */
    private void runScenario() {
        IngestTestSupport.cleanStart(client);
        String eventId = IngestTestSupport.newId("evt");
        String badKey = IngestTestSupport.newId("bad");
        IngestTestSupport.sendEvent(eventId, IngestTestSupport.newId("case"), IngestTestSupport.newPhone());
        try (KafkaTestClient kafka = TestEnvironment.get().newKafkaClient()) {
            kafka.sendBytes(IngestTestSupport.TOPIC, bytes(badKey), bytes("{not json"), Map.of());
            IngestTestSupport.awaitState(eventId, "created");
            kafka.awaitRawRecords(IngestTestSupport.DEAD_LETTER_TOPIC, 1,
                    r -> badKey.equals(new String(r.key(), StandardCharsets.UTF_8)), IngestTestSupport.WAIT);
        }
        sync.runCycle().await().atMost(IngestTestSupport.WAIT);
    }

    static Set<String> exposedNames(String scrape) {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
