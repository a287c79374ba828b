package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;

/** Flows that cross services, observed from outside: HTTP in, Kafka between, each service's schema. */
class CrossServiceFlowTest {

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
    }

    @Test
    void personUpsertedInLevelsServiceAppearsInBothOtherServicesReadModels() {
        String manager = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String report = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        upsert(manager, "Margaret Hamilton", null);
        upsert(report, "Don Eyles", manager);

        for (String schema : new String[] {"evidence", "promotion"}) {
            String managerSeen = await().atMost(Duration.ofSeconds(60))
                    .until(() -> managerInDirectory(schema, report), Optional::isPresent).orElseThrow();
            assertThat(managerSeen).as("manager of %s in %s's read model", report, schema).isEqualTo(manager);
        }
    }

    private static void upsert(String id, String name, String managerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", id.toLowerCase() + "@example.com");
        body.put("managerId", managerId);
        given().baseUri(platform.url("levels-service")).auth().oauth2(Tokens.forEmployee("HR1", "hr-admin"))
                .contentType(ContentType.JSON).body(body)
                .put("/api/v1/people/{id}", id).then().statusCode(201);
    }

    /** Empty until the person is in the schema's read model; then their manager id (or ""). */
    private static Optional<String> managerInDirectory(String schema, String employeeId) throws SQLException {
        try (Connection db = platform.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT coalesce(manager_id, '') FROM " + schema + ".directory_person WHERE employee_id = ?")) {
            query.setString(1, employeeId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
