package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.messaging.LevelChangedV1;
import org.leveling.levels.messaging.Topics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class LevelHistoryTest {

    private static final String HR_ADMIN = LevelFixture.HR_ADMIN;

    @Inject
    DataSource dataSource;

    @Test
    void levelChangesAppendToTheHistoryAndAreAnnounced() {
        String framework = publishedFramework();
        String person = person(null);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        LevelFixture.changed(person, framework, "SPM-I", "2026-07-01", "PROMOTION");

        LevelFixture.changed(person, framework, "PPM", "2999-01-01", "PROMOTION");
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", person).then().statusCode(200)
                .body("currentLevel.level", equalTo("SPM-I"))
                .body("currentLevel.since", equalTo("2026-07-01"));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}/level-history", person).then().statusCode(200)
                .body("items.level", equalTo(List.of("PM", "SPM-I", "PPM")))
                .body("items.reason", equalTo(List.of("INITIAL", "PROMOTION", "PROMOTION")))
                // An approved change is recorded by its approver, the second hr-admin.
                .body("items.recordedBy", equalTo(List.of("HR1", "HR2", "HR2")))
                .body("nextCursor", equalTo(null));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.PEOPLE, person,
                r -> r.stream().filter(e -> LevelChangedV1.TYPE.equals(KafkaTestClient.header(e, "ce_type"))).count() >= 2);
        List<String> changes = events.stream().filter(e -> LevelChangedV1.TYPE.equals(KafkaTestClient.header(e, "ce_type")))
                .map(ConsumerRecord::value).toList();
        changes.forEach(payload -> EventSchemas.assertValid(LevelChangedV1.TYPE, payload));
        JsonPath second = JsonPath.from(changes.get(1));
        assertThat(second.getString("previousLevel")).isEqualTo("PM");
        assertThat(second.getString("level")).isEqualTo("SPM-I");
    }

    @Test
    void aLevelMustExistInAnUnretiredVersionAndHistoryIsAppendedInDateOrder() {
        String framework = publishedFramework();
        String person = person(null);
        append(person, framework, 1, "NOPE", "2025-01-01", "INITIAL").then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
        append(person, framework, 9, "PM", "2025-01-01", "INITIAL").then().statusCode(400)
                .body("errors[0].field", equalTo("frameworkVersion"));
        LevelFixture.changed(person, framework, "SPM", "2026-01-01", "PROMOTION");
        append(person, framework, 1, "PM", "2025-06-01", "CORRECTION").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
        given().auth().oauth2(HR_ADMIN).post("/api/v1/frameworks/{key}/versions/1/retire", framework).then()
                .statusCode(200);
        append(person, framework, 1, "PPM", "2027-01-01", "PROMOTION").then().statusCode(400)
                .body("errors[0].field", equalTo("frameworkVersion"));
        append("E-nobody", framework, 1, "PM", "2027-01-01", "INITIAL").then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesToRewriteLevelHistory() throws Exception {
        String person = person(null);
        append(person, publishedFramework(), 1, "PM", "2025-01-01", "INITIAL").then().statusCode(201);

        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE level_assignment SET level_code = 'DIR' WHERE employee_id = '"
                    + person + "'")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("DELETE FROM level_assignment WHERE employee_id = '" + person + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            // CASCADE: proposals refer to the entries their approvals appended.
            assertThatThrownBy(() -> sql.execute("TRUNCATE level_assignment CASCADE"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void historyAndReportsAreVisibleToThePersonTheirManagersAndHrOnly() {
        String framework = publishedFramework();
        String director = person(null);
        String manager = person(director);
        String report = person(manager);
        String outsider = person(null);
        append(report, framework, 1, "PM", "2025-01-01", "INITIAL").then().statusCode(201);

        history(report, report).then().statusCode(200);
        history(manager, report).then().statusCode(200);
        history(director, report).then().statusCode(200);
        history(outsider, report).then().statusCode(404);
        given().auth().oauth2(Tokens.forEmployee(report, "employee")).contentType(ContentType.JSON)
                .body(Map.of("frameworkKey", framework, "frameworkVersion", 1, "level", "PPM",
                        "effectiveFrom", "2030-01-01", "reason", "PROMOTION"))
                .post("/api/v1/people/{id}/level-history", report).then().statusCode(403);

        given().auth().oauth2(Tokens.forEmployee(director, "manager")).get("/api/v1/people/{id}/reports", director)
                .then().statusCode(200)
                .body("items.employeeId", equalTo(List.of(manager, report)))
                .body("items.depth", equalTo(List.of(1, 2)));
        given().auth().oauth2(Tokens.forEmployee(outsider, "manager")).get("/api/v1/people/{id}/reports", director)
                .then().statusCode(404);
    }

    private static Response history(String caller, String person) {
        return given().auth().oauth2(Tokens.forEmployee(caller, "employee")).get("/api/v1/people/{id}/level-history",
                person);
    }

    private static Response append(String person, String framework, int version, String level, String from,
            String reason) {
        return LevelFixture.post(person, framework, version, level, from, reason);
    }

    private static String person(String managerId) {
        return LevelFixture.person(managerId);
    }

    private static String publishedFramework() {
        return FrameworkResourceTestLadder.publish();
    }
}
