package com.lendingops.taskbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import com.lendingops.taskbridge.testsupport.TestEnvironment;
import com.lendingops.taskbridge.testsupport.TestPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** {@link TestPostgres#truncateAll()} gives a test empty tables without undoing the Flyway migrations. */
@QuarkusTest
class TruncateAllTest {

    private final TestPostgres postgres = TestEnvironment.get().postgres();

    @Test
    void emptiesApplicationTablesButKeepsFlywayHistory() throws SQLException {
        execute("insert into smoke_probe (id, note) values (7, 'left over by another test')");
        long migrationsBefore = count("flyway_schema_history");

        postgres.truncateAll();

        assertThat(count("smoke_probe")).isZero();
        assertThat(count("flyway_schema_history")).isEqualTo(migrationsBefore).isPositive();
    }

    /**
     * The application under test holds the sync-and-relay lease while tests run; emptying {@code leader_lease}
     * would reset its epoch under it, so every fenced write (recording, "mark published") would be refused until
     * the next renewal: cycles stop and published rows are sent again. The lease row survives, epoch and holder.
     */
    @Test
    void keepsTheLeaseOfTheRunningApplication() throws SQLException {
        execute("insert into leader_lease (name, holder, expires_at, epoch) values ('truncate-probe', 'replica-x',"
                + " now() + interval '1 minute', 7)");

        postgres.truncateAll();

        assertThat(count("leader_lease where name = 'truncate-probe' and holder = 'replica-x' and epoch = 7"))
                .isEqualTo(1);
        execute("delete from leader_lease where name = 'truncate-probe'");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = postgres.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection connection = postgres.openConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
