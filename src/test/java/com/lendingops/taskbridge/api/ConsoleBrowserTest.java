package com.lendingops.taskbridge.api;

import static com.lendingops.taskbridge.api.ApiFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.TaskCommandMapper;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.sync.SyncCycle;
import com.lendingops.taskbridge.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console in real headless Chromium, as an operator and as a viewer: search by a phone spelled
 * differently, retry a rejected request, masked phones without buttons, replay of a dead letter. Saves a
 * screenshot of the operator's view to {@code target/console/console.png} (the README shows a copy).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "console", "console.png");

    @Inject
    IncsClient client;
    @Inject
    SyncCycle sync;
    @Inject
    EventParser parser;
    @Inject
    TaskCommandMapper mapper;
    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver chrome;
    private ConsolePage console;
    private IncsSimulator sim;

    private Optional<String> unavailable;

    @BeforeAll
    void startBrowser() {
        unavailable = HeadlessChromium.unavailable();
        unavailable.ifPresentOrElse(why -> System.err.println("WARNING: " + why), () -> {
            chrome = HeadlessChromium.start();
            console = new ConsolePage(chrome, base);
        });
    }

    @AfterAll
    void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    void clean() {
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
        sim = ApiFixtures.cleanStart(client);
    }

    @Test
    void aPhoneInAnotherSpellingShowsTheTimelineWithCreatedAndStatusChanged() throws IOException {
        String digits = "62815" + ApiFixtures.newPhone().substring(6);
        String caseId = createdTaskInProgress(digits);
        String national = "0" + digits.substring(2, 5) + " " + digits.substring(5, 9) + "-" + digits.substring(9);

        console.signInWith(TestTokens.operator()).search("phone", national);

        console.waitForTimelineEntry(caseId, "collection.task.status-changed");
        assertThat(console.timelineOf(caseId)).contains("collection.task.created", "incs: status changed",
                "collection.task.status-changed");
        assertThat(console.role()).isEqualTo("operator");
        assertThat(console.phoneShown(caseId)).isEqualTo(digits);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anOperatorRetriesARejectedRequestAndSeesItCreated() {
        String eventId = ApiFixtures.newId("evt");
        String caseId = ApiFixtures.newId("CASE");
        String phone = ApiFixtures.newPhone();
        ApiFixtures.request(eventId, caseId, phone, "rejected", T0, "incs: 422 invalid",
                ApiFixtures.requestBody(parser, mapper, json, ApiFixtures.event(eventId, caseId, "+" + phone)), null);

        console.signInWith(TestTokens.operator()).search("case", caseId);
        assertThat(console.requestState(caseId, eventId)).isEqualTo("rejected");
        console.actOnRequest(caseId, eventId, "retry");

        await().atMost(ApiFixtures.WAIT).until(() -> "created".equals(ApiFixtures.state(eventId)));
        console.search("case", caseId);
        await().atMost(ApiFixtures.WAIT).until(() -> "created".equals(console.requestState(caseId, eventId)));
    }

    @Test
    void aViewerSeesThePhoneMaskedAndNoActionButtons() {
        String digits = "62815" + ApiFixtures.newPhone().substring(6);
        String caseId = createdTaskInProgress(digits);
        ApiFixtures.request(ApiFixtures.newId("evt"), caseId, digits, "rejected", T0, "invalid", "{}", null);

        console.signInWith(TestTokens.viewer()).search("case", caseId);

        console.waitForTimelineEntry(caseId, "collection.task.created");
        assertThat(console.role()).isEqualTo("viewer");
        assertThat(console.phoneShown(caseId)).endsWith(digits.substring(digits.length() - 4))
                .startsWith("*").doesNotContain(digits.substring(0, 6));
        assertThat(console.actionButtons()).isZero();
    }

    @Test
    void anOperatorReplaysACorrectedDeadLetter() {
        String caseId = ApiFixtures.newId("CASE");
        ApiFixtures.send(ApiFixtures.INPUT_TOPIC, caseId, "{\"event_id\": not json");
        String eventId = ApiFixtures.newId("evt");

        console.signInWith(TestTokens.operator());
        await().atMost(ApiFixtures.WAIT).until(() -> {
            console.refreshDeadLetters();
            return console.deadLettersShow(caseId);
        });
        console.replayDeadLetterCorrected(caseId, ApiFixtures.event(eventId, caseId, "+" + ApiFixtures.newPhone()));

        assertThat(console.replayResult()).contains("replayed");
        await().atMost(ApiFixtures.WAIT).until(() -> "created".equals(ApiFixtures.state(eventId)));
    }

    /** A real event through Kafka, created by the simulator, moved to in progress and synced. */
    private String createdTaskInProgress(String digits) {
        String eventId = ApiFixtures.newId("evt");
        String caseId = ApiFixtures.newId("CASE");
        String spelled = "+" + digits.substring(0, 2) + " " + digits.substring(2, 5) + "-" + digits.substring(5, 9)
                + "-" + digits.substring(9);
        ApiFixtures.send(ApiFixtures.INPUT_TOPIC, caseId, ApiFixtures.event(eventId, caseId, spelled));
        await().atMost(ApiFixtures.WAIT).until(() -> "created".equals(ApiFixtures.state(eventId)));
        long taskId = Long.parseLong(ApiFixtures.strings("select task_id::text from task_request where event_id = ?",
                eventId).get(0));
        sim.moveToStatus(taskId, 1);
        sync.runCycle().await().atMost(ApiFixtures.WAIT);
        await().atMost(ApiFixtures.WAIT).until(() -> ApiFixtures.strings(
                "select ce_type from outbox_event where record_key = ?", caseId).contains("collection.task.status-changed"));
        return caseId;
    }
}
