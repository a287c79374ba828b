package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.PostgresTestResource;
import org.leveling.common.testing.StackProcess;
import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A service whose database is not there: started before its database exists, it stays up (live,
 * not ready) and answers 503 with Retry-After; once the database comes, it migrates its schema and
 * serves; when the database goes away again, 503 once more, still live. The service is a second
 * levels-service with a PostgreSQL of its own, beside the platform the other tests use.
 */
class DatabaseOutageTest {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");

    private ServiceProcess service;
    private PostgresTestResource database;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void aServiceWithoutItsDatabaseStaysLiveAnswers503AndRecoversWhenTheDatabaseComes() {
        Platform platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
        int port = StackProcess.freePort();
        Map<String, String> environment = new HashMap<>(platform.serviceEnvironment());
        environment.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/leveling");
        environment.put("DB_USER", "postgres");
        environment.put("DB_PASSWORD", "postgres");
        service = ServiceProcess.launch(Path.of(System.getProperty("leveling.root.dir")), "levels-service",
                "levels-service-without-database", environment);

        await().atMost(Duration.ofSeconds(90)).until(() -> status("/q/health/live") == 200);
        assertUnavailable();
        assertThat(service.isAlive()).as("still running without its database").isTrue();

        database = PostgresTestResource.durableOn(port);
        database.start();
        // The schema migration retries with backoff (at most 30 s apart).
        await().atMost(Duration.ofSeconds(90)).until(() -> status("/q/health/ready") == 200);
        String employeeId = "OUT-" + UUID.randomUUID().toString().substring(0, 8);
        upsert(employeeId).then().statusCode(201);
        given().auth().oauth2(HR).get(service.baseUrl() + "/api/v1/people/{id}", employeeId).then().statusCode(200)
                .body("employeeId", equalTo(employeeId));

        database.stop();
        database = null;
        assertUnavailable();
        assertThat(service.isAlive()).isTrue();
    }

    /** Live, not ready, and a write and a read each a 503 problem that says when to retry. */
    private void assertUnavailable() {
        assertThat(status("/q/health/live")).as("liveness").isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/ready") == 503);
        for (Response response : new Response[] {upsert("OUT-" + UUID.randomUUID().toString().substring(0, 8)),
                given().auth().oauth2(HR).get(service.baseUrl() + "/api/v1/people/{id}", "E1")}) {
            response.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:leveling:problem:service-unavailable"));
        }
    }

    private Response upsert(String employeeId) {
        return given().auth().oauth2(HR).contentType(ContentType.JSON)
                .body(Map.of("name", "Outage Tester", "email", employeeId.toLowerCase() + "@example.com"))
                .put(service.baseUrl() + "/api/v1/people/{id}", employeeId);
    }

    private int status(String path) {
        try {
            return given().get(service.baseUrl() + path).statusCode();
        } catch (Exception e) { // REST Assured throws ConnectException undeclared
            return -1; // not listening yet
        }
    }
}
