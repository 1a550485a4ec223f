package com.lendingops.taskbridge.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL for tests, resolved in this order: (1) env {@code TEST_DATABASE_URL} (a JDBC URL, with
 * {@code TEST_DATABASE_USER} / {@code TEST_DATABASE_PASSWORD}); (2) Testcontainers {@code postgres:17} when a
 * Docker engine answers; (3) an embedded PostgreSQL (zonky) otherwise.
 * <p>
 * Tests get a clean schema by calling {@link #truncateAll()}: every table of the {@code public} schema except
 * {@code flyway_schema_history} is emptied, so the migrated schema stays and the application keeps its pool.
 * Only the embedded mode can {@link #stop()} and {@link #start()} again (same port, same data); check
 * {@link #supportsRestart()} first and skip with {@code Assumptions} otherwise.
 */
public final class TestPostgres implements AutoCloseable {

    /** Where the database comes from. */
    public enum Mode { EXTERNAL, TESTCONTAINERS, EMBEDDED }

    private static final Logger LOG = Logger.getLogger(TestPostgres.class);

    private final Mode mode;
    private final PostgresServer server;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestPostgres(Mode mode, PostgresServer server, String jdbcUrl, String username, String password) {
        this.mode = mode;
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Resolves and starts (or connects to) the database; see the class comment for the order. */
    public static TestPostgres resolve() {
        InfrastructureLogLevels.quiet();
        String externalUrl = System.getenv("TEST_DATABASE_URL");
        TestPostgres postgres;
        if (externalUrl != null && !externalUrl.isBlank()) {
            postgres = new TestPostgres(Mode.EXTERNAL, null, externalUrl,
                    envOr("TEST_DATABASE_USER", "postgres"), envOr("TEST_DATABASE_PASSWORD", ""));
        } else if (ContainerPostgres.dockerAvailable()) {
            ContainerPostgres container = ContainerPostgres.start();
            postgres = new TestPostgres(Mode.TESTCONTAINERS, container, container.jdbcUrl(),
                    container.username(), container.password());
        } else {
            EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start();
            postgres = new TestPostgres(Mode.EMBEDDED, embedded, embedded.jdbcUrl(),
                    EmbeddedPostgresServer.USER, "");
        }
        postgres.awaitConnectable();
        LOG.infof("PostgreSQL for tests: mode=%s, %s, url=%s", postgres.mode, postgres.serverVersion(),
                postgres.jdbcUrl);
        return postgres;
    }

    public Mode mode() {
        return mode;
    }

    /** JDBC URL, as Flyway and {@code quarkus.datasource.jdbc.url} want it. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Vert.x reactive URL {@code postgresql://host:port/db}, as {@code quarkus.datasource.reactive.url} wants it. */
    public String reactiveUrl() {
        return reactiveUrlOf(jdbcUrl);
    }

    /** Host, port and database of a PostgreSQL JDBC URL as a Vert.x URL; JDBC-only query parameters are dropped. */
    static String reactiveUrlOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + uri.getPath();
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Whether {@link #stop()} and {@link #start()} are possible (embedded mode only). */
    public boolean supportsRestart() {
        return server != null && server.supportsRestart();
    }

    /** Stops the server (an outage); data and port are kept for {@link #start()}. */
    public void stop() {
        requireRestartable().stop();
        LOG.infof("PostgreSQL at %s stopped (data kept)", jdbcUrl);
    }

    /** Brings a stopped server back on the same port with the same data. */
    public void start() {
        requireRestartable().startAgain();
        awaitConnectable();
        LOG.infof("PostgreSQL at %s running again", jdbcUrl);
    }

    /**
     * Runs {@code action} while the server is stopped, then starts it again even when the action fails, so one
     * failing outage test cannot leave the shared database down for the tests after it.
     */
    public void whileStopped(DuringOutage action) throws Exception {
        stop();
        try {
            action.run();
        } finally {
            start();
        }
    }

    /** Stops then starts the server on the same port and data. */
    public void restart() {
        stop();
        start();
    }

    /** Opens a plain JDBC connection (the caller closes it). */
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /**
     * Empties every table in the {@code public} schema except {@code flyway_schema_history} and {@code leader_lease},
     * restarting identities. Call it from {@code @BeforeEach} (or {@code @BeforeAll}) so a test never sees another
     * test's rows. The lease row belongs to the application running in the test JVM: emptying it would reset the
     * epoch under the holder, and every fenced write (sync recording, relay "mark published") would be refused until
     * its next renewal. Tests that need leases of their own use lease names of their own.
     */
    public void truncateAll() {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "select quote_ident(tablename) from pg_tables where schemaname = 'public'"
                            + " and tablename not in ('flyway_schema_history', 'leader_lease')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot truncate the test tables", e);
        }
    }

    /** Stops whatever this instance started; an external database is left alone. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private PostgresServer requireRestartable() {
        if (!supportsRestart()) {
            throw new UnsupportedOperationException("PostgreSQL in mode " + mode + " cannot be stopped by tests;"
                    + " only the embedded mode (no TEST_DATABASE_URL, no Docker) can");
        }
        return server;
    }

    private void awaitConnectable() {
        SQLException last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            try (Connection ignored = openConnection()) {
                return;
            } catch (SQLException e) {
                last = e;
                sleepQuietly();
            }
        }
        throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " does not accept connections", last);
    }

    private String serverVersion() {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        } catch (SQLException e) {
            return "version unknown";
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** A database server this class started itself. */
    interface PostgresServer extends AutoCloseable {
        boolean supportsRestart();

        void stop();

        void startAgain();

        @Override
        void close();
    }
}
