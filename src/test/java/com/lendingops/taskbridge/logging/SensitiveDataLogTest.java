package com.lendingops.taskbridge.logging;

import static com.lendingops.taskbridge.testsupport.EventScenario.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.testsupport.EventScenario;
import com.lendingops.taskbridge.testsupport.EventScenario.Phone;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs an event with a known customer phone through ingest to the simulator, logs library-style failures holding the
 * phone, the incs token and a JWT, and reads back what the application's log handler wrote (the test profile's log
 * file, same filter as the console): none of them may appear, and the ingest line about the task carries its ids.
 */
@QuarkusTest
class SensitiveDataLogTest {

    private static final Path LOG_FILE = Path.of("target", "quarkus-test.log");
    private static final String TOKEN = "test-token";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJlLXBhcnQ";

    @Inject
    IncsClient client;

    @Test
    void noPhoneTokenOrJwtReachesTheLogAndIngestLinesCarryTheirIds() {
        EventScenario.cleanStart(client);
        long offset = size();
        String eventId = EventScenario.newId("evt");
        String caseId = EventScenario.newId("case");
        Phone phone = EventScenario.newPhone();

        EventScenario.send(caseId, EventScenario.event(eventId, caseId, phone, "Dewi Lestari"), Map.of());
        EventScenario.awaitState(eventId, "created");
        long taskId = EventScenario.taskIdOf(eventId);
        Logger.getLogger("org.apache.kafka.clients.NetworkClient").errorf(
                new IllegalStateException("request with Authorization: Bearer " + TOKEN + " for " + phone.typed()),
                "library call failed for %s (%s), token %s", phone.digits(), phone.national(), TOKEN);
        java.util.logging.Logger.getLogger("io.netty.util.Leak").log(Level.WARNING, "cookie bridge_token={0} {1}",
                new Object[] {JWT, phone.typed()});
        String ingestLine = "request " + eventId + ": incs task " + taskId;
        await().atMost(WAIT).until(() -> logSince(offset).contains(ingestLine)
                && logSince(offset).contains("library call failed")
                && logSince(offset).contains("cookie bridge_token"));

        String log = logSince(offset);
        assertThat(log).doesNotContain(TOKEN, JWT, phone.typed(), phone.digits(), phone.national());
        assertThat(log.replaceAll("[\\s\\u00a0\\-.()\\[\\]]", "")).doesNotContain(phone.digits().substring(2));
        String line = log.lines().filter(l -> l.contains(ingestLine)).findFirst().orElseThrow();
        assertThat(line).contains("event_id=" + eventId, "case_id=" + caseId, "task_id=" + taskId);
    }

    private static long size() {
        try {
            return Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logSince(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(LOG_FILE.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
