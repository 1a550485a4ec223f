package com.lendingops.taskbridge.ingest;

import static com.lendingops.taskbridge.ingest.IngestTestSupport.WAIT;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.cleanStart;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newId;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.newPhone;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.storedCommand;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.strings;
import static com.lendingops.taskbridge.ingest.IngestTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.incs.StandaloneIncsClient;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.Route;
import com.lendingops.taskbridge.task.RequestState;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lookup before sending a suspect request again is bounded by the claim, like the POST: a list call whose rate
 * slot would come after the claim's end takes no slot and reads nothing, and the request is due again at once,
 * still suspect, without a failure counted. Before, such lookups waited for any slot, their answers came after the
 * claim and could not be stored, and with a tight budget they took every slot: nothing was created (a CI run of
 * ThreeReplicasClaimFencingIT).
 */
@QuarkusTest
class LookupWithinClaimTest {

    @Inject
    IncsClient client;
    @Inject
    IncsConfig incsConfig;
    @Inject
    IngestConfig ingestConfig;
    @Inject
    IncsTime incsTime;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    RequestStore store;
    @Inject
    RequestLifecycle lifecycle;
    @Inject
    CreatedTaskRecorder recorder;
    @Inject
    IngestMetrics metrics;

    @Test
    void aLookupWhoseRateSlotWouldComeAfterTheClaimReadsNothingAndLeavesTheRequestDueAndSuspect() throws Exception {
        IncsSimulator sim = cleanStart(client);
        String caseId = newId("case");
        String phone = newPhone();
        CreateTaskCommand command = storedCommand(caseId, phone, "incs_1");
        // an earlier request of the case, claimed for an hour: the application's own scheduler leaves the case alone
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                    claim_token, claim_until, received_at, updated_at)
                values (?, ?, 'collection.task.requested', ?, 'incs_1', 'received', '{}', 1, now() + interval '1 hour',
                    now(), now())""", newId("evt"), caseId, newPhone());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant suspectSince = now.minusSeconds(60);
        // this replica's claim: its send-by instant is one second away
        Instant claimUntil = now.plus(ingestConfig.retry().sendMargin()).plusSeconds(1);
        String eventId = newId("evt");
        update("""
                insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, request_body,
                    attempts, claim_token, claim_until, next_attempt_at, submitted_at, ambiguous_since, received_at,
                    updated_at)
                values (?, ?, 'collection.task.requested', ?, 'incs_1', 'received', ?, 1, 5, ?, ?, ?, ?, ?, now())""",
                eventId, caseId, phone, json.writeValueAsString(command), claimUntil.atOffset(java.time.ZoneOffset.UTC),
                now.atOffset(java.time.ZoneOffset.UTC), suspectSince.atOffset(java.time.ZoneOffset.UTC),
                suspectSince.atOffset(java.time.ZoneOffset.UTC), suspectSince.atOffset(java.time.ZoneOffset.UTC));
        RequestRow claimed = new RequestRow(eventId, caseId, phone, 2, RequestState.RECEIVED, 1, 0, 5, claimUntil, now,
                suspectSince, suspectSince, null, null, false, null, null, false);
        // one call per second, the next free slot 30 s away
        update("""
                insert into rate_budget (name, next_slot_at) values ('incs', clock_timestamp() + interval '30 seconds')
                on conflict (name) do update set next_slot_at = excluded.next_slot_at""");
        String nextSlot = strings("select next_slot_at::text from rate_budget").get(0);
        IncsClient budgeted = StandaloneIncsClient.build(incsConfig, Map.of("rateLimitPerSecond", 1.0), pool, json);
        RequestSubmitter submitter = new RequestSubmitter(store, lifecycle, recorder,
                new Reconciler(budgeted, incsTime, ingestConfig, incsConfig, pool, clock, metrics), budgeted, metrics);

        submitter.submit(new RequestSubmitter.Claimed(claimed, command, false)).await().atMost(WAIT);

        assertThat(sim.counters().requests(Route.LIST)).as("list calls").isZero();
        assertThat(strings("select next_slot_at::text from rate_budget")).as("next free slot").containsExactly(nextSlot);
        assertThat(strings("""
                select concat_ws('|', state, failures, claim_until is null, next_attempt_at <= now(),
                                 ambiguous_since is not null, cleared_by_lookup, left(last_error, 15))
                from task_request where event_id = ?""", eventId))
                .containsExactly("received|0|t|t|t|f|lookup not sent");
        update("delete from rate_budget");
    }
}
