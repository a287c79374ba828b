package org.leveling.levels.api;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * People and level changes through the API for the tests: a person with a fresh id, an INITIAL
 * level written directly, and later changes under the two-person rule (HR1 proposes, HR2 approves;
 * neither is in anyone's chain, since neither is a person in the directory).
 */
public final class LevelFixture {

    public static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");
    public static final String SECOND_HR_ADMIN = Tokens.forEmployee("HR2", "hr-admin");

    private LevelFixture() {
    }

    public static String newId() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new person (managed by {@code managerId}, or at the top when null). */
    public static String person(String managerId) {
        String id = newId();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Person " + id);
        body.put("email", id.toLowerCase() + "@example.com");
        body.put("managerId", managerId);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id).then()
                .statusCode(201);
        return id;
    }

    public static Map<String, Object> change(String framework, int version, String level, String from, String reason) {
        return Map.of("frameworkKey", framework, "frameworkVersion", version, "level", level, "effectiveFrom", from,
                "reason", reason);
    }

    /** POST .../level-history as {@code token}: 201 for INITIAL, 202 with the proposal for the other reasons. */
    public static Response post(String token, String person, Map<String, Object> change) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(change)
                .post("/api/v1/people/{id}/level-history", person);
    }

    /** As HR1: an INITIAL level appended, or a change proposed. */
    public static Response post(String person, String framework, int version, String level, String from,
            String reason) {
        return post(HR_ADMIN, person, change(framework, version, level, from, reason));
    }

    /** A level change that is in the history afterwards: INITIAL appended by HR1, others proposed by HR1 and approved by HR2. */
    public static void changed(String person, String framework, String level, String from, String reason) {
        if ("INITIAL".equals(reason)) {
            post(person, framework, 1, level, from, reason).then().statusCode(201);
            return;
        }
        String proposal = post(person, framework, 1, level, from, reason).then().statusCode(202).extract().path("id");
        decide(SECOND_HR_ADMIN, proposal, "approve").then().statusCode(200);
    }

    /** POST /level-change-proposals/{id}/approve, or /reject with a reason, as {@code token}. */
    public static Response decide(String token, String proposal, String decision) {
        var request = given().auth().oauth2(token);
        if ("reject".equals(decision)) {
            request = request.contentType(ContentType.JSON).body(Map.of("reason", "Not this way: take it to the cycle."));
        }
        return request.post("/api/v1/level-change-proposals/{id}/" + decision, proposal);
    }

    /** The first page (up to 100 entries) of a person's history, read by HR1. */
    public static List<Map<String, Object>> history(String person) {
        return given().auth().oauth2(HR_ADMIN).queryParam("limit", 100).get("/api/v1/people/{id}/level-history", person)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
