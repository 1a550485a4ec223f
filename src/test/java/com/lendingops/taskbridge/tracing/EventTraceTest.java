package com.lendingops.taskbridge.tracing;

import static com.lendingops.taskbridge.testsupport.EventScenario.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.ingest.CollectionEventConsumer;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.sync.SyncCycle;
import com.lendingops.taskbridge.testsupport.EventScenario;
import com.lendingops.taskbridge.testsupport.EventScenario.Phone;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.RecordedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One collection event is one trace: continued from the consumed record's traceparent, through intake and the incs
 * call, to the published event's headers; a sync cycle is a trace of its own that its status events carry.
 */
@QuarkusTest
class EventTraceTest {

    private static final String NAME = "Siti Rahayu";

    @Inject
    IncsClient client;
    @Inject
    RecordedSpans recorded;
    @Inject
    SyncCycle sync;

    @BeforeEach
    void record() {
        recorded.start();
    }

    @AfterEach
    void forget() {
        recorded.stop();
    }

    @Test
    void theEventsTraceRunsFromTheConsumedRecordThroughIntakeAndTheIncsCallToThePublishedRecord() {
        EventScenario.cleanStart(client);
        String traceId = hex(16);
        String upstreamSpanId = hex(8);
        String eventId = EventScenario.newId("evt");
        String caseId = EventScenario.newId("case");
        Phone phone = EventScenario.newPhone();

        EventScenario.send(caseId, EventScenario.event(eventId, caseId, phone, NAME),
                Map.of("traceparent", "00-" + traceId + "-" + upstreamSpanId + "-01"));
        EventScenario.awaitState(eventId, "created");
        ConsumerRecord<String, String> created = EventScenario.awaitPublished(caseId, "collection.task.created");

        SpanData consumer = awaitSpan(traceId, span -> span.getKind() == SpanKind.CONSUMER);
        assertThat(consumer.getParentSpanId()).isEqualTo(upstreamSpanId);
        SpanData intake = awaitSpan(traceId, span -> span.getName().equals(CollectionEventConsumer.INTAKE_SPAN));
        assertThat(intake.getParentSpanId()).isEqualTo(consumer.getSpanId());
        SpanData incsCall = awaitSpan(traceId, span -> span.getName().equals("incs create"));
        assertThat(incsCall.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(incsCall.getParentSpanId()).isEqualTo(intake.getSpanId());
        assertThat(incsCall.getAttributes().get(AttributeKey.stringKey("incs.route"))).isEqualTo("create");
        assertThat(incsCall.getAttributes().get(AttributeKey.stringKey("incs.outcome"))).isEqualTo("created");
        assertThat(incsCall.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertNoCustomerDataIn(recorded.trace(traceId), phone);

        assertThat(traceIdOf(KafkaTestClient.header(created, "traceparent"))).isEqualTo(traceId);
        assertThat(traceIdOf(KafkaTestClient.header(created, "ce_traceparent"))).isEqualTo(traceId);
    }

    @Test
    void aSyncCycleIsATraceParentOfItsIncsCallsAndCarriedByItsStatusChangedEvent() {
        IncsSimulator incs = EventScenario.cleanStart(client);
        String eventId = EventScenario.newId("evt");
        String caseId = EventScenario.newId("case");
        Phone phone = EventScenario.newPhone();
        EventScenario.send(caseId, EventScenario.event(eventId, caseId, phone, NAME), Map.of());
        EventScenario.awaitState(eventId, "created");
        incs.moveToStatus(EventScenario.taskIdOf(eventId), SimTask.IN_PROGRESS);

        sync.runCycle().await().atMost(WAIT);
        ConsumerRecord<String, String> changed =
                EventScenario.awaitPublished(caseId, "collection.task.status-changed");

        SpanData cycle = awaitSpan(null, span -> span.getName().equals(SyncCycle.CYCLE_SPAN));
        assertThat(cycle.getParentSpanContext().isValid()).isFalse();
        List<SpanData> calls = recorded.trace(cycle.getTraceId()).stream()
                .filter(span -> span.getName().equals("incs list")).toList();
        assertThat(calls).isNotEmpty().allMatch(call -> call.getParentSpanId().equals(cycle.getSpanId()));
        assertThat(traceIdOf(KafkaTestClient.header(changed, "traceparent"))).isEqualTo(cycle.getTraceId());
        assertThat(traceIdOf(KafkaTestClient.header(changed, "ce_traceparent"))).isEqualTo(cycle.getTraceId());
        assertNoCustomerDataIn(recorded.trace(cycle.getTraceId()), phone);
    }

    private SpanData awaitSpan(String traceId, java.util.function.Predicate<SpanData> which) {
        return await().atMost(WAIT).until(() -> find(traceId, which), Optional::isPresent).orElseThrow();
    }

    private Optional<SpanData> find(String traceId, java.util.function.Predicate<SpanData> which) {
        List<SpanData> spans = traceId == null ? recorded.spans() : recorded.trace(traceId);
        return spans.stream().filter(which).findFirst();
    }

    /** No attribute of any span of the trace holds the customer's phone (any spelling), name or the incs token. */
    private static void assertNoCustomerDataIn(List<SpanData> trace, Phone phone) {
        List<String> values = trace.stream().flatMap(span -> span.getAttributes().asMap().values().stream())
                .map(String::valueOf).toList();
        String phoneCore = phone.digits().substring(2);
        assertThat(values).isNotEmpty().noneMatch(value -> value.replaceAll("\\D", "").contains(phoneCore)
                || value.contains(NAME) || value.contains("test-token"));
    }

    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).as("traceparent").isNotNull().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
