package com.lendingops.taskbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An external {@code TEST_DATABASE_URL} (JDBC) must turn into the reactive URL the application's pool expects. */
class TestPostgresUrlTest {

    @Test
    void jdbcUrlWithPortBecomesReactiveUrlWithSameHostPortAndDatabase() {
        assertThat(TestPostgres.reactiveUrlOf("jdbc:postgresql://db.internal:6543/bridge_test"))
                .isEqualTo("postgresql://db.internal:6543/bridge_test");
    }

    @Test
    void jdbcOnlyQueryParametersAreDropped() {
        assertThat(TestPostgres.reactiveUrlOf("jdbc:postgresql://localhost:5432/test?sslmode=disable&user=x"))
                .isEqualTo("postgresql://localhost:5432/test");
    }

    @Test
    void missingPortDefaultsToPostgresPort() {
        assertThat(TestPostgres.reactiveUrlOf("jdbc:postgresql://localhost/test"))
                .isEqualTo("postgresql://localhost:5432/test");
    }

    @Test
    void nonPostgresUrlIsRefused() {
        assertThatThrownBy(() -> TestPostgres.reactiveUrlOf("jdbc:h2:mem:test"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
