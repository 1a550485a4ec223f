package com.lendingops.taskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The one-command local run, exercised as CI would: start the whole stack from the packaged bridge
 * (so it runs after `package`, under failsafe), watch it work, stop it, and find nothing left running.
 */
class LocalStackIT {

    private static final LocalStackOptions FAST = LocalStackOptions.parse("--bridge-port", "0", "--simulator-port", "0",
            "--rate", "2", "--task-start-after", "3s", "--sync-interval", "2s", "--seed", "11");

    @Test
    void startsEveryPartFeedsEventsAndLeavesNoProcessBehindWhenStopped() throws Exception {
        Set<Long> before = descendants();
        LocalStack stack = LocalStack.start(FAST, console());
        String bridgeUrl = stack.bridge().baseUrl();
        try {
            assertThat(httpStatus(bridgeUrl + "/q/health/live")).isEqualTo(200);
            assertThat(httpStatus(bridgeUrl + "/q/metrics")).isEqualTo(200);
            assertConsoleLinkSignsInAnOperator(stack.consoleUrl());
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.snapshot().fed() >= 5);
        } finally {
            stack.close();
        }

        assertThat(stack.bridge().handle().isAlive()).isFalse();
        assertThat(descendants()).as("processes started by the stack and still alive").isSubsetOf(before);
        assertThat(listens(URI.create(bridgeUrl).getPort())).as("bridge port").isFalse();
    }

    /** What the browser does with the printed link: the fragment's token becomes the console cookie. */
    private static void assertConsoleLinkSignsInAnOperator(String link) throws Exception {
        String base = link.substring(0, link.indexOf("/console/sign-in#token="));
        String token = link.substring(link.indexOf("#token=") + "#token=".length());
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(base + "/console"))
                        .header("Cookie", "bridge_token=" + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("local.operator").contains("data-operator=\"true\"");
        assertThat(httpStatus(base + "/api/v1/summary")).as("the API without the token").isEqualTo(401);
    }

    /** Needs the ingest and sync parts of the bridge; skipped (with the reason) while the bridge has no consumer. */
    @Test
    void createsATaskAndPublishesItsStatusChangeWithinMinutes() {
        try (LocalStack stack = LocalStack.start(FAST, console())) {
            boolean consuming = waitQuietly(Duration.ofSeconds(90), () -> stack.snapshot().consumed() > 0);
            assumeTrue(consuming, "the bridge commits no offset on collection-task-requests: ingest not merged yet");

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(stack.snapshot().showsEndToEndFlow())
                            .as("%s", stack.snapshot().line()).isTrue());

            StackSnapshot last = stack.snapshot();
            assertThat(last.requests("created")).isPositive();
            assertThat(last.published("created")).isPositive();
            assertThat(last.published("status-changed")).isPositive();
        }
    }

    private static boolean waitQuietly(Duration timeout, Callable<Boolean> condition) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static int httpStatus(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The addresses go to the test log, where a failing run's reader needs them. */
    private static PrintStream console() {
        return System.out;
    }
}
