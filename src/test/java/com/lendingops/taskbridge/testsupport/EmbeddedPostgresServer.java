package com.lendingops.taskbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Embedded PostgreSQL (zonky binaries, unpacked from a Maven artifact) for machines without Docker. It runs on a
 * fixed port and data directory chosen at first start, so {@link #stop()} and {@link #startAgain()} bring the same
 * server back where the application expects it.
 */
final class EmbeddedPostgresServer implements TestPostgres.PostgresServer {

    static final String USER = "postgres";
    static final String DATABASE = "taskbridge";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static EmbeddedPostgresServer start() {
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                    Files.createTempDirectory("taskbridge-pg-"), freePort());
            server.postgres = server.launch();
            server.createApplicationDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            closeQuietly(postgres);
            postgres = null;
        }
    }

    @Override
    public synchronized void startAgain() {
        if (postgres == null) {
            postgres = launch();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        Directories.deleteQuietly(dataDirectory);
    }

    private EmbeddedPostgres launch() {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    // Kept between stop and start: an outage must not lose data. close() deletes it.
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
        }
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + DATABASE, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
        }
    }
}
