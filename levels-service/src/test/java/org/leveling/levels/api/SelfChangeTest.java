package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.messaging.Topics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Nobody changes their own record, whatever roles their token carries (hr-admin included). */
@QuarkusTest
class SelfChangeTest {

    @Test
    void nobodyWritesTheirOwnLevelHistoryWhateverTheirRoles() {
        String framework = FrameworkResourceTestLadder.publish();
        String admin = LevelFixture.person(null);
        String self = Tokens.forEmployee(admin, "hr-admin", "manager", "employee");

        for (String reason : List.of("INITIAL", "PROMOTION", "CORRECTION")) {
            LevelFixture.post(self, admin, LevelFixture.change(framework, 1, "PPM", "2026-01-01", reason)).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:leveling:problem:forbidden"))
                    .body("detail", containsString("Nobody changes their own level history"));
        }
        assertThat(LevelFixture.history(admin)).isEmpty();
        given().auth().oauth2(LevelFixture.HR_ADMIN).queryParam("employeeId", admin)
                .get("/api/v1/level-change-proposals").then().statusCode(200).body("items", equalTo(List.of()));
        assertThat(refusedCalls(admin, "/level-history")).isEqualTo(3);

        // Another hr-admin records the same level; it is the person's only level event.
        LevelFixture.changed(admin, framework, "PPM", "2026-01-01", "INITIAL");
        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.PEOPLE, admin,
                r -> r.size() >= 2);
        assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(
                "org.leveling.people.person-upserted.v1", "org.leveling.people.level-changed.v1");
    }

    @Test
    void nobodyChangesTheirOwnManagerOrgUnitOrTrack() {
        String manager = LevelFixture.person(null);
        String other = LevelFixture.person(null);
        String admin = LevelFixture.person(manager);
        String self = Tokens.forEmployee(admin, "hr-admin");

        for (Map<String, Object> move : List.of(body(admin, other, null, null), body(admin, manager, "People", null),
                body(admin, manager, null, "management"))) {
            given().auth().oauth2(self).contentType(ContentType.JSON).body(move).put("/api/v1/people/{id}", admin)
                    .then().statusCode(403).body("type", equalTo("urn:leveling:problem:forbidden"))
                    .body("detail", containsString("Nobody changes their own manager, org unit or track"));
        }
        given().auth().oauth2(self).get("/api/v1/people/{id}", admin).then().statusCode(200)
                .body("managerId", equalTo(manager)).body("orgUnit", equalTo(null)).body("revision", equalTo(1));
        assertThat(refusedCalls(admin, "/api/v1/people/" + admin)).isEqualTo(3);

        // Their name is theirs to correct; where they sit in the organisation is not.
        Map<String, Object> renamed = body(admin, manager, null, null);
        renamed.put("name", "A new name");
        given().auth().oauth2(self).contentType(ContentType.JSON).body(renamed).put("/api/v1/people/{id}", admin)
                .then().statusCode(200).body("name", equalTo("A new name")).body("revision", equalTo(2));
        given().auth().oauth2(LevelFixture.HR_ADMIN).contentType(ContentType.JSON).body(body(admin, other, null, null))
                .put("/api/v1/people/{id}", admin).then().statusCode(200).body("managerId", equalTo(other));

        String newcomer = LevelFixture.newId();
        given().auth().oauth2(Tokens.forEmployee(newcomer, "hr-admin")).contentType(ContentType.JSON)
                .body(body(newcomer, manager, null, null)).put("/api/v1/people/{id}", newcomer).then().statusCode(403);
        given().auth().oauth2(LevelFixture.HR_ADMIN).get("/api/v1/people/{id}", newcomer).then().statusCode(404);
    }

    @Test
    void anImportRowAboutTheCallerIsRejectedWithItsReason() {
        String admin = LevelFixture.person(null);
        String colleague = LevelFixture.newId();
        List<Map<String, Object>> rows = List.of(row(admin, null, "People"), row(colleague, admin, "People"));

        given().auth().oauth2(Tokens.forEmployee(admin, "hr-admin")).contentType(ContentType.JSON).body(rows)
                .post("/api/v1/people/import").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("rows[0].outcome", equalTo("REJECTED"))
                .body("rows[0].errors[0].field", equalTo("employeeId"))
                .body("rows[0].errors[0].message", containsString("is your own record"))
                .body("rows[1].outcome", equalTo("CREATED"));
        given().auth().oauth2(LevelFixture.HR_ADMIN).get("/api/v1/people/{id}", admin).then()
                .body("orgUnit", equalTo(null)).body("revision", equalTo(1));
    }

    private static Map<String, Object> row(String id, String managerId, String orgUnit) {
        Map<String, Object> row = body(id, managerId, orgUnit, null);
        row.put("employeeId", id);
        return row;
    }

    private static Map<String, Object> body(String id, String managerId, String orgUnit, String track) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Person " + id);
        body.put("email", id.toLowerCase() + "@example.com");
        body.put("managerId", managerId);
        body.put("orgUnit", orgUnit);
        body.put("track", track);
        return body;
    }

    /** How many of {@code actor}'s calls to a path ending in {@code path} were refused with 403 and audited. */
    private static long refusedCalls(String actor, String path) {
        List<Map<String, Object>> rows = given().auth().oauth2(LevelFixture.HR_ADMIN).queryParam("actor", actor)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        return rows.stream().filter(r -> "REFUSED".equals(r.get("outcome")) && Integer.valueOf(403).equals(r.get("status"))
                && String.valueOf(r.get("action")).endsWith(path)).count();
    }
}
