package com.lendingops.taskbridge.bench;

import com.lendingops.taskbridge.testsupport.TestPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh, empty database of its own for one scenario on the shared PostgreSQL server, so no scenario starts
 * with another's rows, indexes or bloat; the bridge's Flyway migrates it at start. Dropped on close.
 */
public final class ScenarioDatabase implements AutoCloseable {

    private final TestPostgres server;
    private final String name;
    private final String jdbcUrl;
    private Connection polling;
    private long ownQueries;

    private ScenarioDatabase(TestPostgres server, String name) {
        this.server = server;
        this.name = name;
        URI uri = URI.create(server.jdbcUrl().substring("jdbc:".length()));
        this.jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port(uri) + "/" + name;
    }

    /** Creates database {@code name} (lower-case letters, digits and underscores) on {@code server}. */
    public static ScenarioDatabase create(TestPostgres server, String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = server.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new ScenarioDatabase(server, name);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The same database as a Vert.x URL, for QUARKUS_DATASOURCE_REACTIVE_URL. */
    public String reactiveUrl() {
        return jdbcUrl.substring("jdbc:".length());
    }

    /** Requests the bridge has recorded as {@code created}. */
    long createdRequests() {
        return count("select count(*) from task_request where state = 'created'");
    }

    /** Requests in any other state than {@code created} (rejected, deferred, failed or still open). */
    long otherRequests() {
        return count("select count(*) from task_request where state <> 'created'");
    }

    /**
     * Transactions committed or rolled back in this database so far (pg_stat_database), and how many of them were
     * this harness's own polls, so that the bridge's share can be told apart. PostgreSQL publishes a backend's
     * counts within about a second: read it after a pause.
     */
    long transactions() {
        return count("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()");
    }

    /** Statements this harness ran on the database (each one an autocommit transaction). */
    long ownQueries() {
        return ownQueries;
    }

    /** PostgreSQL's fsync setting: benchmark figures with fsync off would flatter the database. */
    String fsync() {
        try (Connection connection = server.openConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show fsync")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    /** One connection kept for the polling: a new backend per poll would cost the measured machine CPU. */
    private long count(String sql) {
        try {
            if (polling == null || polling.isClosed()) {
                polling = DriverManager.getConnection(jdbcUrl, server.username(), server.password());
            }
            ownQueries++;
            try (Statement statement = polling.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // the table exists once the bridge's migration ran; until then nothing is created
            return 0;
        }
    }

    @Override
    public void close() {
        closeQuietly(polling);
        try (Connection connection = server.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("benchmark: could not drop database " + name + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 5432;
    }
}
