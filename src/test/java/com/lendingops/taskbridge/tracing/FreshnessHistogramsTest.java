package com.lendingops.taskbridge.tracing;

import static com.lendingops.taskbridge.testsupport.EventScenario.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.sync.SyncCycle;
import com.lendingops.taskbridge.testsupport.EventScenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An event created, published, changed at incs and published again is counted by the three freshness histograms. */
@QuarkusTest
class FreshnessHistogramsTest {

    private static final List<String> HISTOGRAMS = List.of("bridge_freshness_event_to_task_created_seconds",
            "bridge_freshness_event_to_created_published_seconds", "bridge_freshness_change_to_published_seconds");

    @Inject
    IncsClient client;
    @Inject
    SyncCycle sync;

    @Test
    void theThreeFreshnessHistogramsCountTheScenarioWithPercentileBuckets() {
        IncsSimulator incs = EventScenario.cleanStart(client);
        Map<String, Double> before = counts(scrape());
        String eventId = EventScenario.newId("evt");
        String caseId = EventScenario.newId("case");

        EventScenario.send(caseId, EventScenario.event(eventId, caseId, EventScenario.newPhone(), "Agus"), Map.of());
        EventScenario.awaitState(eventId, "created");
        EventScenario.awaitPublished(caseId, "collection.task.created");
        incs.moveToStatus(EventScenario.taskIdOf(eventId), SimTask.IN_PROGRESS);
        sync.runCycle().await().atMost(WAIT);
        EventScenario.awaitPublished(caseId, "collection.task.status-changed");

        String metrics = scrape();
        Map<String, Double> after = counts(metrics);
        for (String histogram : HISTOGRAMS) {
            assertThat(after.getOrDefault(histogram, 0.0)).as(histogram + "_count")
                    .isGreaterThan(before.getOrDefault(histogram, 0.0));
            assertThat(metrics).as(histogram + " buckets").containsPattern(histogram + "_bucket\\{[^}]*le=\"[0-9.]+\"");
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Map<String, Double> counts(String metrics) {
        Map<String, Double> counts = new java.util.HashMap<>();
        for (String histogram : HISTOGRAMS) {
            Matcher count = Pattern.compile("(?m)^" + histogram + "_count(?:\\{[^}]*})? (\\S+)").matcher(metrics);
            if (count.find()) {
                counts.put(histogram, Double.parseDouble(count.group(1)));
            }
        }
        return counts;
    }
}
