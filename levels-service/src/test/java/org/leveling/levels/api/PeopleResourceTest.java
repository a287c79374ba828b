package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PeopleResourceTest {

    private static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");

    @Test
    void createdPersonIsReadBackWithLocationAndETag() {
        String id = newId();
        put(id, body("Katherine Johnson", null)).then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/people/" + id))
                .header("ETag", "\"1\"");

        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", id).then()
                .statusCode(200)
                .body("name", equalTo("Katherine Johnson"))
                .body("email", equalTo("katherine@example.com"))
                .body("revision", equalTo(1));
    }

    @Test
    void unknownPersonIsA404Problem() {
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", newId()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leveling:problem:resource-not-found"));
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsStored() {
        String id = newId();
        Map<String, Object> body = body(" ", null);
        body.put("email", "not-an-email");
        body.put("track", "IC Track");

        put(id, body).then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("track"));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", id).then().statusCode(404);
    }

    @Test
    void aNulCharacterInANameIsA400AndNothingIsStored() {
        String id = newId();
        Map<String, Object> body = body("Ada Lovelace", null);
        body.put("name", "Ada\u0000Lovelace");
        put(id, body).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", id).then().statusCode(404);
    }

    @Test
    void unknownManagerIsRejected() {
        put(newId(), body("Orphan", "no-such-manager")).then().statusCode(400)
                .body("errors[0].field", equalTo("managerId"));
    }

    @Test
    void aReportingCycleIsRejected() {
        String boss = newId();
        String report = newId();
        put(boss, body("Boss", null)).then().statusCode(201);
        put(report, body("Report", boss)).then().statusCode(201);

        put(boss, body("Boss", report)).then().statusCode(400)
                .body("errors[0].field", equalTo("managerId"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("cycle"));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/people/{id}", boss).then().body("managerId", equalTo(null));
    }

    @Test
    void selfManagementIsRejected() {
        String id = newId();
        put(id, body("Self", null)).then().statusCode(201);
        put(id, body("Self", id)).then().statusCode(400).body("errors[0].field", equalTo("managerId"));
    }

    @Test
    void malformedEmployeeIdInPathIsRejected() {
        put("bad id!", body("X", null)).then().statusCode(400).body("errors[0].field", equalTo("employeeId"));
    }

    @Test
    void peopleSeeThemselvesAndTheirReportsButNobodyElse() {
        String director = newId();
        String manager = newId();
        String report = newId();
        String peer = newId();
        put(director, body("Director", null)).then().statusCode(201);
        put(manager, body("Manager", director)).then().statusCode(201);
        put(report, body("Report", manager)).then().statusCode(201);
        put(peer, body("Peer", manager)).then().statusCode(201);

        read(report, report, "employee").then().statusCode(200);
        read(manager, report, "manager").then().statusCode(200);
        read(director, report, "manager").then().statusCode(200);
        read("HR9", report, "hr-admin").then().statusCode(200);
        read(report, manager, "employee").then().statusCode(404);

        // Outside the chain: exactly the answer an unknown id gets, so ids cannot be probed.
        Response hidden = read(peer, report, "employee");
        Response unknown = read(peer, "E-unknown", "employee");
        hidden.then().statusCode(404).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(hidden.jsonPath().getString("title"))
                .isEqualTo(unknown.jsonPath().getString("title"));
        org.assertj.core.api.Assertions.assertThat(hidden.jsonPath().getString("detail"))
                .isEqualTo("No person with id '" + report + "'.");
    }

    @Test
    void onlyHrAdminChangesPeopleAndARefusedChangeChangesNothing() {
        String id = newId();
        put(id, body("Original", null)).then().statusCode(201);

        given().auth().oauth2(Tokens.forEmployee(id, "manager")).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "refused-" + id).body(body("Renamed by self", null))
                .put("/api/v1/people/{id}", id).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body("Renamed anonymously", null))
                .put("/api/v1/people/{id}", id).then().statusCode(401);

        read("HR9", id, "hr-admin").then().body("name", equalTo("Original")).body("revision", equalTo(1));
        // Role refusals are decided before a worker thread is involved and written just after the response.
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(HR_ADMIN).queryParam("actor", id)
                .get("/api/v1/audit").jsonPath().getList("items").size() == 1);
        given().auth().oauth2(HR_ADMIN).queryParam("actor", id).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].outcome", equalTo("REFUSED"))
                .body("items[0].status", equalTo(403))
                .body("items[0].correlationId", equalTo("refused-" + id));
    }

    @Test
    void changesAreAuditedWithTheStateBeforeAndAfter() {
        String id = newId();
        put(id, body("First", null)).then().statusCode(201);
        put(id, body("Second", null)).then().statusCode(200);

        given().auth().oauth2(HR_ADMIN).queryParam("resourceType", "person").queryParam("resourceId", id)
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].actor", equalTo("HR1"))
                .body("items[0].action", equalTo("PUT /api/v1/people/" + id))
                .body("items[0].before.name", equalTo("First"))
                .body("items[0].after.name", equalTo("Second"))
                .body("items[1].before", org.hamcrest.Matchers.nullValue())
                .body("items[1].after.name", equalTo("First"));
    }

    private static Response read(String callerId, String personId, String role) {
        return given().auth().oauth2(Tokens.forEmployee(callerId, role)).get("/api/v1/people/{id}", personId);
    }

    private static Response put(String id, Map<String, Object> body) {
        return given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id);
    }

    private static Map<String, Object> body(String name, String managerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", name.strip().toLowerCase().split(" ")[0] + "@example.com");
        body.put("managerId", managerId);
        return body;
    }

    private static String newId() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
