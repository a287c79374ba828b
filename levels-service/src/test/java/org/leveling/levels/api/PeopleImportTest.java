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
import org.leveling.levels.messaging.Topics;

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
        assertThat(KafkaTestClient.awaitRecords(Topics.PEOPLE, report, r -> !r.isEmpty())).hasSize(1);
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
    void csvStartingWithAByteOrderMarkImportsLikeCsvWithout() {
        String a = newId();
        String b = newId();
        String csv = "employeeId,name,email,managerId\n"
                + a + ",Ada," + a + "@example.com,\n"
                + b + ",Bob," + b + "@example.com," + a + "\n";
        given().auth().oauth2(HR_ADMIN).contentType("text/csv; charset=UTF-8").body("\uFEFF" + csv)
                .post("/api/v1/people/import").then().statusCode(200).body("created", equalTo(2))
                .body("rejected", equalTo(0))
                .body("rows.employeeId", equalTo(List.of(a, b)));
        importCsv(csv).then().statusCode(200).body("unchanged", equalTo(2));
        // As spreadsheet programs save "CSV UTF-8": the mark as the file's first bytes.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = csv.replace("Bob", "Robert").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);
        given().auth().oauth2(HR_ADMIN).contentType("text/csv").body(file).post("/api/v1/people/import")
                .then().statusCode(200).body("rows.outcome", equalTo(List.of("UNCHANGED", "UPDATED")));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", b).then().body("name", equalTo("Robert"))
                .body("managerId", equalTo(a));
    }

    @Test
    void anUnknownFieldIsReportedOnItsRowByName() {
        String a = newId();
        Map<String, Object> typo = person(a, "Ada", null);
        typo.put("manager", "E100");
        typo.put("title", "Principal PM");
        String b = newId();
        Map<String, Object> wrongType = person(b, "Bob", null);
        wrongType.put("orgUnit", Map.of("name", "Payments"));
        importJson(List.of(typo, wrongType)).then().statusCode(200).body("rejected", equalTo(2))
                .body("rows[0].errors.field", equalTo(List.of("manager", "title")))
                .body("rows[0].errors[0].message", containsString("is not a field of a person"))
                .body("rows[1].errors.field", equalTo(List.of("orgUnit")));

        String c = newId();
        importCsv("employeeId,name,email,department\n" + c + ",Cy," + c + "@example.com,\n").then().statusCode(200)
                .body("rejected", equalTo(1)).body("rows[0].errors.field", equalTo(List.of("department")));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", a).then().statusCode(404);
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", c).then().statusCode(404);
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
