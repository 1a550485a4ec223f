package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.state;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.GatewayPage;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Outcome;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gateway in front of incs (deploy window, WAF, proxy) answers its own 404, 403 and 502 pages, HTML and JSON,
 * for a while each, as 30 valid events arrive: none of those answers says anything about the events, so none is
 * rejected and every event ends {@code created}, once.
 */
@QuarkusTest
class GatewayAnswersTest {

    private static final List<GatewayPage> WINDOWS = List.of(GatewayPage.HTML_404, GatewayPage.JSON_404,
            GatewayPage.HTML_403, GatewayPage.JSON_403, GatewayPage.HTML_502, GatewayPage.JSON_502);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int ANSWERS_PER_WINDOW = 4;
    private static final int EVENTS_PER_WINDOW = 5;

    @Inject
    IncsClient client;

    @Test
    void gatewayPagesRejectNothingAndEveryEventEndsCreated() {
        IncsSimulator sim = cleanStart(client);
        List<String> events = new ArrayList<>();
        List<String> phones = new ArrayList<>();

        for (GatewayPage page : WINDOWS) {
            long answeredBefore = gatewayAnswers(sim);
            sim.gateway().then(page, WINDOW);
            for (int i = 0; i < EVENTS_PER_WINDOW; i++) {
                String eventId = newId("evt");
                String phone = newPhone();
                sendEvent(eventId, newId("case"), phone);
                events.add(eventId);
                phones.add(phone);
            }
            // the window ends after WINDOW, or as soon as the bridge has met it a few times (the test's pace then
            // follows the bridge's, not the machine's speed)
            await().atMost(WAIT).until(() -> sim.gateway().remaining().isEmpty()
                    || gatewayAnswers(sim) - answeredBefore >= ANSWERS_PER_WINDOW);
            sim.gateway().clear();
        }

        events.forEach(GatewayAnswersTest::awaitFinalState);
        assertThat(strings("select event_id || ': ' || state from task_request where state <> 'created'"))
                .as("events not created").isEmpty();
        phones.forEach(phone -> assertThat(sim.counters().tasksCreatedFor(phone)).as("tasks for %s", phone)
                .isEqualTo(1));
        assertThat(sim.counters().count(Route.CREATE, Outcome.GATEWAY)).as("POSTs the gateway answered")
                .isPositive();
    }

    private static long gatewayAnswers(IncsSimulator sim) {
        return sim.counters().count(Route.CREATE, Outcome.GATEWAY) + sim.counters().count(Route.LIST, Outcome.GATEWAY);
    }

    private static void awaitFinalState(String eventId) {
        await("request " + eventId + " ends").atMost(WAIT)
                .until(() -> List.of("created", "rejected", "failed").contains(state(eventId)));
    }
}
