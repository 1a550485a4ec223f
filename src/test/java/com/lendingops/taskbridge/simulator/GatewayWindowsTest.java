package com.lendingops.taskbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A gateway in front of incs answering its own pages for a while; a fake ticker makes the windows exact. */
class GatewayWindowsTest {

    private static final String PHONE = "6281512349999";

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private IncsSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start(SimulatorConfig.builder().ticker(now::get).build());
        client = new SimulatorClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @ParameterizedTest
    @EnumSource(GatewayPage.class)
    void answersThePageInsteadOfIncsAndCreatesNothing(GatewayPage page) {
        sim.gateway().then(page, Duration.ofSeconds(10));

        SimulatorClient.Reply reply = client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(reply.status()).isEqualTo(page.status());
        assertThat(reply.headers().firstValue("Content-Type")).hasValue(page.contentType());
        assertThat(reply.raw()).isEqualTo(page.body());
        assertThat(reply.body().path("code").isMissingNode()).as("no incs envelope").isTrue();
        assertThat(sim.taskCount()).isZero();
        assertThat(sim.counters().count(Route.CREATE, Outcome.GATEWAY)).isEqualTo(1);
    }

    @Test
    void htmlPagesAreHtmlAndJsonPagesAreJson() throws IOException {
        assertThat(GatewayPage.HTML_404.contentType()).startsWith("text/html");
        assertThat(GatewayPage.HTML_404.body()).contains("<html>");
        assertThat(GatewayPage.JSON_404.contentType()).isEqualTo("application/json");
        assertThat(Json.parse(GatewayPage.JSON_404.body().getBytes()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void windowsFollowEachOtherThenIncsAnswersAgain() {
        sim.gateway().then(GatewayPage.HTML_404, Duration.ofSeconds(10))
                .then(GatewayPage.JSON_403, Duration.ofSeconds(10))
                .then(GatewayPage.HTML_502, Duration.ofSeconds(10));

        int first = client.listTasks("page_size=20").status();
        advance(Duration.ofSeconds(10));
        int second = client.listTasks("page_size=20").status();
        advance(Duration.ofSeconds(9));
        int stillSecond = client.listTasks("page_size=20").status();
        advance(Duration.ofSeconds(1));
        int third = client.listTasks("page_size=20").status();
        advance(Duration.ofSeconds(10));
        SimulatorClient.Reply incs = client.createTask(TaskRequests.forPhone(PHONE));

        assertThat(List.of(first, second, stillSecond, third)).containsExactly(404, 403, 403, 502);
        assertThat(incs.status()).isEqualTo(200);
        assertThat(incs.code()).isEqualTo(200);
        assertThat(sim.gateway().remaining()).isEmpty();
    }

    @Test
    void thenAppendsAfterTheWindowsStillScheduled() {
        sim.gateway().then(GatewayPage.HTML_404, Duration.ofSeconds(10));
        advance(Duration.ofSeconds(4));
        sim.gateway().then(GatewayPage.JSON_502, Duration.ofSeconds(5));

        assertThat(sim.gateway().remaining()).containsExactly(
                new GatewayWindows.Window(GatewayPage.HTML_404, Duration.ofSeconds(6)),
                new GatewayWindows.Window(GatewayPage.JSON_502, Duration.ofSeconds(5)));
    }

    @Test
    void resetEndsEveryWindow() {
        sim.gateway().then(GatewayPage.HTML_502, Duration.ofMinutes(1));

        sim.reset();

        assertThat(client.listTasks("page_size=20").status()).isEqualTo(200);
    }

    @Test
    void adminEndpointSetsShowsAndClearsWindows() {
        SimulatorClient.Reply set = client.admin("PUT", "/admin/gateway",
                "{\"windows\":[{\"page\":\"html-404\",\"ms\":10000},{\"page\":\"json-403\",\"ms\":5000}]}");
        int during = client.listTasks("page_size=20").status();
        SimulatorClient.Reply shown = client.admin("GET", "/admin/gateway", null);
        client.admin("DELETE", "/admin/gateway", null);

        assertThat(set.status()).isEqualTo(200);
        assertThat(during).isEqualTo(404);
        assertThat(shown.body().path("windows").get(1).path("page").asText()).isEqualTo("json-403");
        assertThat(shown.body().path("windows").get(1).path("ms").asLong()).isEqualTo(5000);
        assertThat(client.listTasks("page_size=20").status()).isEqualTo(200);
    }

    @Test
    void adminEndpointRefusesAnUnknownPage() {
        SimulatorClient.Reply reply = client.admin("PUT", "/admin/gateway",
                "{\"windows\":[{\"page\":\"html-418\",\"ms\":10000}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(client.listTasks("page_size=20").status()).isEqualTo(200);
    }

    @Test
    void commandLineOpensWindowsAtStart() {
        SimulatorArgs args = SimulatorArgs.parse("--gateway", "html-404:10,json-502:2.5");

        assertThat(args.gateway()).containsExactly(
                new GatewayWindows.Window(GatewayPage.HTML_404, Duration.ofSeconds(10)),
                new GatewayWindows.Window(GatewayPage.JSON_502, Duration.ofMillis(2500)));
    }
}
