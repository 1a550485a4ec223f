package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The scheduler's periodic count reads the deferred requests and the oldest one's deferred_since from the database. */
@QuarkusTest
class DeferredCountQueryTest {

    @Inject
    IncsClient client;

    @Inject
    RetryScheduler scheduler;

    @Inject
    MeterRegistry registry;

    @Test
    void countsDeferredRequestsAndTheAgeOfTheOldest() {
        IngestTestSupport.cleanStart(client);
        String eventId = IngestTestSupport.newId("evt");
        IngestTestSupport.sendEvent(eventId, IngestTestSupport.newId("case"), IngestTestSupport.newPhone());
        IngestTestSupport.awaitState(eventId, "created");
        // made to look deferred for two hours, with its next attempt far away so nothing acts on it meanwhile
        IngestTestSupport.update("update task_request set state = 'deferred', deferred_since = now() - interval '2 hours',"
                + " next_attempt_at = now() + interval '1 day' where event_id = ?", eventId);

        scheduler.countDeferred().await().atMost(WAIT);

        assertThat(registry.get("bridge.ingest.deferred").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("bridge.ingest.deferred.oldest.age").gauge().value()).isBetween(7200.0, 7800.0);
    }
}
