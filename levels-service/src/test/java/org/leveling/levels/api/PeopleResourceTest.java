package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PeopleResourceTest {

    @Test
    void createdPersonIsReadBackWithLocationAndETag() {
        String id = newId();
        put(id, body("Katherine Johnson", null)).then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/people/" + id))
                .header("ETag", "\"1\"");

        given().get("/api/v1/people/{id}", id).then()
                .statusCode(200)
                .body("name", equalTo("Katherine Johnson"))
                .body("email", equalTo("katherine@example.com"))
                .body("revision", equalTo(1));
    }

    @Test
    void unknownPersonIsA404Problem() {
        given().get("/api/v1/people/{id}", newId()).then()
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
        given().get("/api/v1/people/{id}", id).then().statusCode(404);
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
        given().get("/api/v1/people/{id}", boss).then().body("managerId", equalTo(null));
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

    private static Response put(String id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id);
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
