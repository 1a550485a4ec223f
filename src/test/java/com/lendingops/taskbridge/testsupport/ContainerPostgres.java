package com.lendingops.taskbridge.testsupport;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 in a Testcontainers container, used when a Docker engine answers. It cannot be restarted in place. */
final class ContainerPostgres implements TestPostgres.PostgresServer {

    private static final String IMAGE = "postgres:17";

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    /**
     * Asks Testcontainers whether Docker is reachable. Its strategies log at ERROR when none is, which on a machine
     * without Docker is the expected answer, so they are silenced for the duration of the probe.
     */
    static boolean dockerAvailable() {
        Logger probeLogger = Logger.getLogger("org.testcontainers");
        Level previous = probeLogger.getLevel();
        probeLogger.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        } finally {
            probeLogger.setLevel(previous);
        }
    }

    static ContainerPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("taskbridge")
                .withUsername("taskbridge")
                .withPassword("taskbridge");
        container.start();
        return new ContainerPostgres(container);
    }

    String jdbcUrl() {
        return container.getJdbcUrl();
    }

    String username() {
        return container.getUsername();
    }

    String password() {
        return container.getPassword();
    }

    @Override
    public boolean supportsRestart() {
        // A restarted container gets a new mapped port, so the running application could not reconnect.
        return false;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("Testcontainers PostgreSQL cannot be stopped and restarted in place");
    }

    @Override
    public void startAgain() {
        throw new UnsupportedOperationException("Testcontainers PostgreSQL cannot be stopped and restarted in place");
    }

    @Override
    public void close() {
        container.stop();
    }
}
