package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.simulator.SimLog;
import com.lendingops.taskbridge.simulator.SimTask;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records many simulator tasks as already tracked and fully synced (request, task and every current
 * log), in JDBC batches: the starting point of a steady-state cycle without a thousand transactions.
 */
public final class BulkTracking {

    private BulkTracking() {
    }

    /** On the shared test database. */
    static void trackAsSynced(List<SimTask> tasks) {
        trackAsSynced(TestEnvironment.get().postgres(), tasks);
    }

    /** Emits the case id given to each task, in the tasks' order. */
    public static List<String> trackAsSynced(TestPostgres database, List<SimTask> tasks) {
        try (Connection connection = database.openConnection()) {
            return trackAsSynced(connection, tasks);
        } catch (SQLException e) {
            throw new IllegalStateException("bulk tracking failed", e);
        }
    }

    /** On the given connection (left open), in one transaction. */
    public static List<String> trackAsSynced(Connection connection, List<SimTask> tasks) {
        Timestamp now = Timestamp.from(Instant.now());
        List<String> caseIds = new ArrayList<>();
        try (PreparedStatement request = connection.prepareStatement("""
                     insert into task_request (event_id, case_id, event_type, user_phone, assignee, state, attempts,
                       task_id, received_at, updated_at) values (?, ?, 'collection.task.requested', ?, ?, 'created', 1, ?, ?, ?)""");
             PreparedStatement task = connection.prepareStatement("""
                     insert into incs_task (task_id, event_id, case_id, creation_id, conversation_id, auth_id, user_phone,
                       name, assignee, status, tracking, created_at, updated_at, synced_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""");
             PreparedStatement log = connection.prepareStatement("""
                     insert into incs_task_log (log_id, task_id, type, status, pre_status, assignee, comment, logged_at,
                       recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (SimTask sim : tasks) {
                String eventId = UUID.randomUUID().toString();
                String caseId = "CASE-BULK-" + sim.id() + "-" + eventId.substring(0, 8);
                caseIds.add(caseId);
                addRequest(request, sim, eventId, caseId, now);
                addTask(task, sim, eventId, caseId, now);
                for (SimLog simLog : sim.logs()) {
                    addLog(log, sim.id(), simLog, now);
                }
            }
            request.executeBatch();
            task.executeBatch();
            log.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("bulk tracking failed", e);
        }
        return caseIds;
    }

    private static void addRequest(PreparedStatement s, SimTask sim, String eventId, String caseId, Timestamp now)
            throws SQLException {
        s.setString(1, eventId);
        s.setString(2, caseId);
        s.setString(3, sim.userPhone());
        s.setString(4, sim.assigneeUsername());
        s.setLong(5, sim.id());
        s.setTimestamp(6, now);
        s.setTimestamp(7, now);
        s.addBatch();
    }

    private static void addTask(PreparedStatement s, SimTask sim, String eventId, String caseId, Timestamp now)
            throws SQLException {
        s.setLong(1, sim.id());
        s.setString(2, eventId);
        s.setString(3, caseId);
        s.setLong(4, sim.creationId());
        s.setString(5, String.valueOf(sim.conversationId()));
        s.setLong(6, sim.authId());
        s.setString(7, sim.userPhone());
        s.setString(8, sim.name());
        s.setString(9, sim.assigneeUsername());
        s.setShort(10, (short) sim.status());
        s.setTimestamp(11, now);
        s.setTimestamp(12, now);
        s.setTimestamp(13, now);
        s.addBatch();
    }

    private static void addLog(PreparedStatement s, long taskId, SimLog log, Timestamp now) throws SQLException {
        s.setLong(1, log.id());
        s.setLong(2, taskId);
        s.setShort(3, (short) log.type());
        s.setShort(4, (short) log.status());
        s.setShort(5, (short) log.preStatus());
        s.setString(6, log.assigneeUsername());
        s.setString(7, log.comment());
        s.setTimestamp(8, Timestamp.from(log.createdAt()));
        s.setTimestamp(9, now);
        s.addBatch();
    }
}
