package com.lendingops.taskbridge.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the shared test database, for assertions and set-up: the one copy every test helper uses. */
public final class TestSql {

    private TestSql() {
    }

    /** The first column of every row, as text; {@code ?} parameters bound in order. */
    public static List<String> strings(String sql, Object... args) {
        try (Connection connection = TestEnvironment.get().postgres().openConnection();
             PreparedStatement statement = prepare(connection, sql, args);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row as a number (a count, an id); 0 when it is SQL NULL, as JDBC's getLong. */
    public static long queryLong(String sql, Object... args) {
        List<String> values = strings(sql, args);
        if (values.isEmpty()) {
            throw new IllegalStateException("no row: " + sql);
        }
        return values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    /** Runs an update; emits the rows it changed. */
    public static int update(String sql, Object... args) {
        try (Connection connection = TestEnvironment.get().postgres().openConnection();
             PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
