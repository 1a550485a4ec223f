package com.lendingops.taskbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.simulator.SimulatorCounters;
import com.lendingops.taskbridge.testsupport.BridgeProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.KafkaTestClient;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three replicas (processes) share a budget of 2 incs calls per second, with a claim far shorter than the backlog's
 * wait for a rate slot, and one replica is killed (-9) half-way: claims expire while their POSTs wait, other replicas
 * take the requests over, and still no request is ever sent twice (the simulator counts POST bodies per phone).
 * Relies on {@code IncsClient.createTask(command, sendBy)} refusing to write after the claim's end, and, for every
 * event to be created at all, on a replica never taking a budget slot that comes after its claim's end (otherwise
 * each slot goes to a call whose claim has ended and nothing is sent: a livelock this test found).
 * On old main (d574ed8) it fails: 8 of 40 phones received two POSTs. The replica is killed with attempts in flight,
 * so the survivors look those requests up before sending them again: with lookups unbounded by the claim (before
 * 2026-12-02) the lookups took every slot and 20 of 40 were created in 5 minutes (finding H, docs/reliability.md).
 */
class ThreeReplicasClaimFencingIT {

    private static final int EVENTS = 24;
    private static final Duration STARTUP = Duration.ofMinutes(4);
    /** Quick start (C1 only, serial GC): three JVMs share the CI machine; speed is not what this test is about. */
    private static final List<String> REPLICA_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private static KafkaBroker kafka;
    private static TestPostgres postgres;
    private static IncsSimulator incs;
    private static final List<BridgeProcess> REPLICAS = new ArrayList<>();

    @BeforeAll
    static void startReplicas() {
        kafka = new KafkaBroker().start();
        kafka.createTopics(3, "collection-task-events", IngestTestSupport.TOPIC, IngestTestSupport.DEAD_LETTER_TOPIC);
        postgres = TestPostgres.resolve();
        incs = IncsSimulator.start();
        REPLICAS.add(startReplica("replica-a"));
        await().atMost(STARTUP).until(REPLICAS.get(0)::ready); // the first one migrates the schema
        REPLICAS.add(startReplica("replica-b"));
        REPLICAS.add(startReplica("replica-c"));
        for (BridgeProcess replica : REPLICAS) {
            await().atMost(STARTUP).until(replica::ready);
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        REPLICAS.forEach(BridgeProcess::close);
        for (AutoCloseable closeable : new AutoCloseable[] {incs, kafka, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void noRequestIsSentTwiceWhenClaimsExpireWhileWaitingForTheSharedBudget() throws Exception {
        List<String> phones = new ArrayList<>();
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            for (int i = 0; i < EVENTS; i++) {
                String caseId = "case-" + UUID.randomUUID();
                String phone = String.valueOf(6_281_300_000_000L + i);
                phones.add(phone);
                client.send(IngestTestSupport.TOPIC, caseId,
                        IngestTestSupport.event("evt-" + UUID.randomUUID(), caseId, phone));
            }
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> created() >= EVENTS / 4);
        // killed with attempts in flight when it can be: they are left suspect (submitting), so the survivors must
        // look them up before sending them again, within their own claims and the same budget
        boolean inFlight = waitForAttemptsInFlight("replica-c", Duration.ofSeconds(60));
        REPLICAS.get(2).crash();
        System.out.println("three replicas: replica-c killed " + (inFlight ? "with" : "without") + " attempts in flight");

        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> created() >= EVENTS);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(created() + " of " + EVENTS + " created after 5 minutes; " + stuckRows(), e);
        }

        Map<String, Long> postsPerPhone = incs.counters().receivedCreateBodies().stream()
                .map(SimulatorCounters.ReceivedBody::json).map(json -> json.path("user_phone").asText())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        assertThat(postsPerPhone).as("POSTs per phone").containsOnlyKeys(phones);
        assertThat(postsPerPhone.values()).as("POSTs per phone").containsOnly(1L);
        // The budget itself is asserted by RateBudgetTest against a simulator in a JVM of its own: here the simulator
        // shares the test JVM, whose pauses can bunch arrivals (seen once on 2026-12-01: 3 in one second at R = 2,
        // recorded as open finding C in docs/reliability.md). This test is about the claim fence: one POST per phone.
        System.out.println("three replicas: max incs requests in any second = "
                + incs.counters().maxRequestsInAnySecond() + " (budget 2)");
    }

    /** Whether {@code replica} held a request in submitting before {@code within} passed (polled every 50 ms). */
    private static boolean waitForAttemptsInFlight(String replica, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            try (Connection c = postgres.openConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from task_request where state = 'submitting'"
                         + " and claim_owner like '" + replica + "-%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static long created() throws SQLException {
        try (Connection c = postgres.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from task_request where state = 'created'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;   // before the first replica migrated the schema
        }
    }

    /**
     * What the rows not yet created are doing, one line per (state, last error), first in the failure's message
     * (the only line a CI summary shows); the replicas' warnings follow on standard output.
     */
    private static String stuckRows() throws SQLException {
        StringBuilder summary = new StringBuilder();
        try (Connection c = postgres.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select state, coalesce(left(last_error, 120), '-'), count(*), max(attempts), max(failures),
                            max(next_attempt_at - now()), string_agg(distinct claim_owner, ','),
                            max(claim_until - now())
                     from task_request where state <> 'created' group by 1, 2 order by 3 desc""")) {
            while (rs.next()) {
                summary.append(String.format("[%d %s: %s; attempts<=%d failures<=%d next in %s owners %s"
                                + " claim ends in <=%s] ", rs.getLong(3), rs.getString(1), rs.getString(2),
                        rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        try (Connection c = postgres.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select next_slot_at - clock_timestamp() from rate_budget")) {
            summary.append(rs.next() ? "[next rate slot in " + rs.getString(1) + "]" : "[no rate slot taken]");
        }
        for (int i = 0; i < REPLICAS.size(); i++) {
            System.out.println("--- replica " + i + " log tail ---\n" + REPLICAS.get(i).logTail(40));
        }
        return summary.toString();
    }

    /** A replica configured by environment as on Kubernetes, its output in target/<id>.log. */
    private static BridgeProcess startReplica(String id) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("INCS_API_URL", incs.baseUrl());
        env.put("INCS_API_TOKEN", incs.token());
        env.put("INCS_AUTH_ID", "30058");
        env.put("INCS_MODULE_ID", "019d3dcd-f5a8-70e7-aff8-c54bde267f38");
        env.put("INCS_RATE_LIMIT_PER_SECOND", "2");
        // slots 1 s apart, each usable up to 0.5 s late: three C1-only JVMs, the broker and PostgreSQL share two
        // cores here, and a slot reached later than its tolerance is given up (the budget, not this test's subject)
        env.put("INCS_RATE_LIMIT_HEADROOM", "0.5");
        env.put("BRIDGE_INGEST_ASSIGNMENT_ASSIGNEES", "incs_1");
        env.put("BRIDGE_INGEST_RETRY_CLAIM_DURATION", "5s");
        env.put("BRIDGE_INGEST_RETRY_SEND_MARGIN", "1s");
        env.put("BRIDGE_INGEST_RETRY_POLL_INTERVAL", "500ms");
        env.put("BRIDGE_INGEST_RECONCILE_SETTLE_TIME", "2s");
        env.put("BRIDGE_SYNC_SCHEDULED", "false");
        env.put("BRIDGE_SYNC_LEASE_INSTANCE_ID", id);
        env.put("HOSTNAME", id); // claim owners are named <HOSTNAME>-<random>
        // what each replica wrote and why a request was not sent, in target/<id>.log when this test fails
        env.put("QUARKUS_LOG_CATEGORY__COM_LENDINGOPS_TASKBRIDGE_INCS_WRITES__LEVEL", "DEBUG");
        env.put("QUARKUS_LOG_CATEGORY__COM_LENDINGOPS_TASKBRIDGE_INGEST__LEVEL", "DEBUG");
        return BridgeProcess.start(REPLICA_JVM, env, FreePort.find(), Path.of("target", id + ".log"));
    }
}
