package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.FaultSettings;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consecutive events of one case reach incs in order, even when some of them have to be retried. */
@QuarkusTest
class CaseOrderTest {

    @Inject
    IncsClient client;

    @Test
    void submitsTheEventsOfOneCaseInTheirOrder() {
        IncsSimulator sim = cleanStart(client);
        sim.faults().set(Route.CREATE, FaultSettings.none().withLatency(Duration.ZERO, Duration.ofMillis(150)));
        sim.faults().failNext(Route.CREATE, Fault.ERROR_500, 2);
        String caseId = newId("case");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String eventId = newId("evt-" + i);
            events.add(eventId);
            sendEvent(eventId, caseId, newPhone());
        }

        events.forEach(eventId -> awaitState(eventId, "created"));

        List<Long> taskIds = events.stream().map(IngestTestSupport::taskIdOf).toList();
        assertThat(taskIds).isSorted().doesNotHaveDuplicates();
    }
}
