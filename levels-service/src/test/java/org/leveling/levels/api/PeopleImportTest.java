package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.messaging.PeopleTopic;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PeopleImportTest {

    private static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");

    @Test
    void validRowsAreAppliedManagersFirstAndBadRowsAreReportedWithTheirReasons() {
        String manager = newId();
        String report = newId();
        String bad = newId();
        Response response = importJson(List.of(
                person(report, "Report", manager),
                person(manager, "Manager", null),
                Map.of("employeeId", bad, "name", "Bad email", "email", "not-an-email"),
                person(report, "Report again", null)));

        response.then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("rows.row", equalTo(List.of(1, 2, 3, 4)))
                .body("rows.outcome", equalTo(List.of("CREATED", "CREATED", "REJECTED", "REJECTED")))
                .body("rows[2].errors[0].field", equalTo("email"))
                .body("rows[3].errors[0].message", containsString("appears twice"));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", report).then().statusCode(200)
                .body("managerId", equalTo(manager));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", bad).then().statusCode(404);
        assertThat(KafkaTestClient.awaitRecords(PeopleTopic.NAME, report, r -> !r.isEmpty())).hasSize(1);
    }

    @Test
    void csvWithAHeaderRowReportsCreatedUpdatedAndUnchangedRows() {
        String a = newId();
        String b = newId();
        String csv = "name,employeeId,email,managerId,track\n"
                + "Ada," + a + "," + a + "@example.com,,ic\n"
                + "Bob," + b + "," + b + "@example.com," + a + ",ic\n";
        importCsv(csv).then().statusCode(200).body("created", equalTo(2))
                .body("rows.row", equalTo(List.of(2, 3)));

        importCsv(csv.replace("Bob,", "Robert,")).then().statusCode(200)
                .body("rows.outcome", equalTo(List.of("UNCHANGED", "UPDATED")));
    }

    @Test
    void reportingCyclesAndUnknownManagersAreRejected() {
        String boss = newId();
        String report = newId();
        importJson(List.of(person(boss, "Boss", null), person(report, "Report", boss))).then().statusCode(200);
        String a = newId();
        String b = newId();

        importJson(List.of(person(a, "A", b), person(b, "B", a), person(boss, "Boss", report),
                person(newId(), "Orphan", "E-nobody"))).then().statusCode(200)
                .body("rejected", equalTo(4))
                .body("rows[0].errors[0].message", containsString("reporting cycle"))
                .body("rows[1].errors[0].message", containsString("reporting cycle"))
                .body("rows[2].errors[0].message", containsString("reporting cycle"))
                .body("rows[3].errors[0].message", containsString("no person"));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", boss).then().body("managerId", equalTo(null));
    }

    @Test
    void onlyHrAdminImportsAndAnImportMustHoldPeople() {
        given().auth().oauth2(Tokens.forEmployee("E1", "manager")).contentType(ContentType.JSON)
                .body(List.of(person(newId(), "X", null))).post("/api/v1/people/import").then().statusCode(403);
        importJson(List.of()).then().statusCode(400);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(Map.of("employeeId", "E1"))
                .post("/api/v1/people/import").then().statusCode(400);
        importCsv("just one line without people").then().statusCode(400);
    }

    private static Response importJson(List<?> rows) {
        return given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(rows).post("/api/v1/people/import");
    }

    private static Response importCsv(String csv) {
        return given().auth().oauth2(HR_ADMIN).contentType("text/csv").body(csv).post("/api/v1/people/import");
    }

    private static Map<String, Object> person(String id, String name, String managerId) {
        Map<String, Object> person = new HashMap<>();
        person.put("employeeId", id);
        person.put("name", name);
        person.put("email", id.toLowerCase() + "@example.com");
        person.put("managerId", managerId);
        return person;
    }

    private static String newId() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
