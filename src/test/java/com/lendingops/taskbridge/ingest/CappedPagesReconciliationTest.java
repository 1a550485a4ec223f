package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.awaitState;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.sendEvent;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.taskIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.simulator.Fault;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.NewTask;
import com.lendingops.taskbridge.simulator.Route;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lost create answer is reconciled over every page incs's total implies, even when incs answers 20 rows per page
 * whatever page_size asks, in either sort order: the task is adopted, never sent a second time.
 */
@QuarkusTest
class CappedPagesReconciliationTest {

    @Inject
    IncsClient client;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLostAnswerIsAdoptedWhenIncsCapsPagesAtTwenty(boolean descending) {
        IncsSimulator sim = cleanStart(client);
        sim.updateResponseOptions(o -> o.withPageRowCap(20).withSortDescending(descending));
        String caseId = newId("case");
        String phone = newPhone();
        // 45 tasks of the same name (earlier events of the case, or other phones) fill the first pages.
        for (int i = 0; i < 45; i++) {
            sim.createTask(NewTask.forPhone(newPhone()).withName("Collection " + caseId));
        }
        sim.faults().failNext(Route.CREATE, Fault.DROP_AFTER_CREATE, 1);
        String eventId = newId("evt");

        sendEvent(eventId, caseId, phone);

        awaitState(eventId, "created");
        assertThat(sim.counters().tasksCreatedFor(phone)).isEqualTo(1);
        assertThat(sim.counters().requests(Route.CREATE)).isEqualTo(1);
        assertThat(taskIdOf(eventId)).isEqualTo(sim.tasksWithPhone(phone).get(0).id());
    }
}
