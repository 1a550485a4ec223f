package com.lendingops.taskbridge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.lendingops.taskbridge.testsupport.TestEnvironment;
import com.lendingops.taskbridge.testsupport.TestPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** A test can take the shared PostgreSQL away from the running application and give it back. */
@QuarkusTest
class SharedPostgresOutageTest {

    @Inject
    Pool pool;

    @Test
    void applicationQueriesFailWhileDatabaseIsDownAndSucceedAfterItIsBack() throws Exception {
        TestPostgres postgres = TestEnvironment.get().postgres();
        Assumptions.assumeTrue(postgres.supportsRestart(),
                "PostgreSQL in mode " + postgres.mode() + " cannot be stopped by tests; only the embedded one can");
        assertThat(selectOne()).isEqualTo(1);

        postgres.whileStopped(() -> {
            assertThatThrownBy(this::selectOne).isInstanceOf(Exception.class);
            given().when().get("/q/health/ready").then().statusCode(503);
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(selectOne()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> given().when().get("/q/health/ready").then().statusCode(200));
    }

    private int selectOne() {
        return pool.query("select 1").execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getInteger(0);
    }
}
