package org.leveling.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * The operational surface every service offers: health with real database and Kafka checks,
 * OpenAPI and Swagger UI, Prometheus metrics, and Flyway migrations in the service's own schema.
 * Each service runs it through a {@code @QuarkusTest} subclass.
 */
public abstract class PlatformEndpointsContract {

    @Inject
    DataSource dataSource;

    /** The service's PostgreSQL schema, e.g. {@code levels}. */
    protected abstract String schema();

    /** The title the service's OpenAPI document must carry. */
    protected abstract String apiTitle();

    @Test
    public void readinessIsUpWithDatabaseAndKafkaChecks() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", not(hasItems("DOWN")));
    }

    @Test
    public void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    public void openApiDocumentCarriesTheServiceTitleVersionAndDescription() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", equalTo(apiTitle()))
                .body("info.version", not(emptyOrNullString()))
                .body("info.description", not(emptyOrNullString()));
    }

    @Test
    public void everyJsonReadDocumentsTheShapeItAnswersWith() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            Map<String, Object> read = operations.get("get");
            if (read != null && path.startsWith("/api/") && !path.startsWith("/api/v1/ui")
                    && !answersJsonWithSchema(read)) {
                undocumented.add(path);
            }
        });

        assertThat(undocumented).as("GET operations without a 200 application/json schema").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    public void everyDocumentedErrorIsProblemJson() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> notProblems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                ((Map<String, Map<String, Object>>) operation.get("responses")).forEach((status, response) -> {
                    Map<String, Object> content = (Map<String, Object>) response.get("content");
                    if (status.matches("[45]..") && (content == null || !content.containsKey("application/problem+json"))) {
                        notProblems.add(method + " " + path + " " + status);
                    }
                })));

        assertThat(notProblems).as("error responses not documented as application/problem+json").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static boolean answersJsonWithSchema(Map<String, Object> operation) {
        Map<String, Object> ok = ((Map<String, Map<String, Object>>) operation.get("responses")).get("200");
        Map<String, Map<String, Object>> content = ok == null ? null : (Map<String, Map<String, Object>>) ok.get("content");
        return content != null && content.values().stream().anyMatch(media -> media.get("schema") instanceof Map<?, ?> schema && !schema.isEmpty());
    }

    @Test
    public void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    public void metricsAreServedInPrometheusFormat() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    public void flywayMigratedTheServiceSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, schema());
            query.setString(2, "flyway_schema_history");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("flyway history table in schema %s", schema()).isEqualTo(1);
            }
        }
    }
}
