package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.leveling.common.testing.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * Loads deploy/local's sample data through the public APIs, as deploy/local/run does: people, the
 * Product Management ladder and levels into levels-service, then the sample evidence into
 * evidence-service as its authors — submitted, acknowledged and endorsed as the file says.
 */
final class SampleData {

    static final String FRAMEWORK = "product-management";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");
    /** Nobody writes their own record, hr-admin included: the second hr-admin writes HR1's. */
    private static final String SECOND_HR = Tokens.forEmployee("HR2", "hr-admin");

    private SampleData() {
    }

    static void load(Platform platform) throws IOException {
        String levels = platform.url("levels-service");
        // The test classes share one platform: the first that needs the sample loads it.
        if (given().baseUri(levels).auth().oauth2(HR).get("/api/v1/people/{id}", "E100").statusCode() == 200) {
            return;
        }
        for (JsonNode person : read("sample-people.json")) {
            ObjectNode body = ((ObjectNode) person.deepCopy());
            String id = body.remove("employeeId").asText();
            given().baseUri(levels).auth().oauth2("HR1".equals(id) ? SECOND_HR : HR).contentType(ContentType.JSON)
                    .body(body.toString()).put("/api/v1/people/{id}", id).then().statusCode(201);
        }
        given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON)
                .body(Map.of("key", FRAMEWORK, "name", "Product Management", "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(201);
        given().baseUri(levels).auth().oauth2(HR).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Files.readString(file("sample-framework.json"))).put("/api/v1/frameworks/{key}/draft", FRAMEWORK)
                .then().statusCode(200);
        given().baseUri(levels).auth().oauth2(HR).post("/api/v1/frameworks/{key}/draft/publish", FRAMEWORK).then()
                .statusCode(201);
        for (JsonNode entry : read("sample-levels.json")) {
            ObjectNode body = ((ObjectNode) entry.deepCopy());
            body.remove("employeeId");
            given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON).body(body.toString())
                    .post("/api/v1/people/{id}/level-history", entry.path("employeeId").asText()).then()
                    .statusCode(201);
        }

        String evidence = platform.url("evidence-service");
        // evidence-service learns people, levels and the ladder from levels-service's events.
        await().atMost(Duration.ofSeconds(90)).until(() -> given().baseUri(evidence).auth().oauth2(as("E220"))
                .queryParam("targetLevel", "PPM").get("/api/v1/people/E300/readiness").statusCode() == 200);
        for (JsonNode item : read("sample-evidence.json")) {
            String id = given().baseUri(evidence).auth().oauth2(as(item.path("author").asText()))
                    .contentType(ContentType.JSON).body(item.path("body").toString()).post("/api/v1/evidence").then()
                    .statusCode(201).extract().path("id");
            String acknowledger = item.path("acknowledgedBy").asText("");
            if (acknowledger.isEmpty()) {
                continue;
            }
            given().baseUri(evidence).auth().oauth2(as(item.path("author").asText()))
                    .post("/api/v1/evidence/{id}/submit", id).then().statusCode(200);
            given().baseUri(evidence).auth().oauth2(as(acknowledger)).contentType(ContentType.JSON)
                    .body(Map.of("comment", "Matches what I saw.")).post("/api/v1/evidence/{id}/acknowledge", id)
                    .then().statusCode(200);
            for (String peer : item.path("endorsedBy").asText("").split(" ")) {
                if (!peer.isBlank()) {
                    given().baseUri(evidence).auth().oauth2(as(peer)).contentType(ContentType.JSON)
                            .body(Map.of("comment", "I worked on this with them."))
                            .post("/api/v1/evidence/{id}/endorsements", id).then().statusCode(201);
                }
            }
        }
    }

    /** The competencies the sample ladder expects at a level. */
    static List<String> competenciesOf(String level) throws IOException {
        List<String> keys = new ArrayList<>();
        for (JsonNode expectation : JSON.readTree(file("sample-framework.json").toFile()).path("expectations")) {
            String key = expectation.path("competency").asText();
            if (expectation.path("level").asText().equals(level) && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A sample person's token (employees and managers both). */
    static String as(String employeeId) {
        return Tokens.forEmployee(employeeId, "employee", "manager");
    }

    private static JsonNode read(String name) throws IOException {
        return JSON.readTree(file(name).toFile());
    }

    private static Path file(String name) {
        return Path.of(System.getProperty("leveling.root.dir"), "deploy/local", name);
    }
}
