package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A promotion case on the sample data ({@link SampleData}) through promotion-service's API: a cycle over
 * Product - Payments whose committee is E230 (chair; not in E300's chain E220 → E200 → E100), E313 and
 * E317 with quorum 2, and E220's nomination of E300 for PPM. The steps that need promotion-service's read
 * models to have caught up with levels-service are retried until they are accepted.
 */
final class SamplePromotion {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");

    private SamplePromotion() {
    }

    /** Plans the cycle, assigns the committee and opens nominations; returns the cycle id. */
    static String openPaymentsCycle(String promotion, String name) {
        Map<String, Object> cycle = Map.of("name", name, "frameworkKey", SampleData.FRAMEWORK,
                "orgUnits", List.of("Product - Payments"), "windows", Map.of("nominationsFrom", "2026-11-01",
                        "nominationsTo", "2026-11-30", "reviewFrom", "2026-12-01", "reviewTo", "2026-12-15",
                        "calibrationFrom", "2026-12-16", "calibrationTo", "2026-12-20"));
        String cycleId = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth()
                .oauth2(HR).contentType(ContentType.JSON).body(cycle).post("/api/v1/cycles"),
                r -> r.statusCode() == 201).path("id");
        Map<String, Object> committee = Map.of("name", "Payments committee", "orgUnits", List.of("Product - Payments"),
                "quorum", 2, "members", List.of(Map.of("employeeId", "E230", "role", "CHAIR"),
                        Map.of("employeeId", "E313", "role", "MEMBER"), Map.of("employeeId", "E317", "role", "MEMBER")));
        // 400 until promotion-service's people read model has the members.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth().oauth2(HR)
                .contentType(ContentType.JSON).body(committee).post("/api/v1/cycles/{id}/committees", cycleId)
                .statusCode() == 201);
        transition(promotion, cycleId, "OPEN_NOMINATIONS");
        return cycleId;
    }

    /** E220 nominates E300 for PPM and submits it to the whole committee; returns the nomination id. */
    static String submitNominationOfE300(String promotion, String cycleId) {
        Map<String, Object> nominate = Map.of("cycleId", cycleId, "candidateId", "E300", "targetLevel", "PPM",
                "justification", "Operating at PPM scope across payments for two quarters");
        // 400 (no level) or 403 (chain unknown) until promotion-service's read models have the candidate.
        String nomination = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth()
                .oauth2(SampleData.as("E220")).contentType(ContentType.JSON).body(nominate).post("/api/v1/nominations"),
                r -> r.statusCode() == 201).path("id");
        given().baseUri(promotion).auth().oauth2(SampleData.as("E220")).post("/api/v1/nominations/{id}/submit",
                nomination).then().statusCode(200).body("eligibleMembers", equalTo(List.of("E230", "E313", "E317")));
        return nomination;
    }

    static void transition(String promotion, String cycleId, String action) {
        given().baseUri(promotion).auth().oauth2(HR).contentType(ContentType.JSON)
                .body(Map.of("action", action)).post("/api/v1/cycles/{id}/transitions", cycleId).then().statusCode(200);
    }

    static Response vote(String promotion, String nomination, String member, String choice) {
        return given().baseUri(promotion).auth().oauth2(SampleData.as(member)).contentType(ContentType.JSON)
                .body(Map.of("choice", choice, "rationale", "Read the packet")).put("/api/v1/nominations/{id}/votes/mine",
                        nomination);
    }

    /** A PROMOTED decision effective on {@code effective}, assessing every PPM competency. */
    static Map<String, Object> promotedDecision(LocalDate effective) throws IOException {
        return Map.of("outcome", "PROMOTED", "effectiveDate", effective.toString(), "rationale",
                Map.of("summary", "Consistent PPM-level scope, acknowledged by the manager and endorsed by peers.",
                        "competencies", SampleData.competenciesOf("PPM").stream().map(c -> Map.of("competency", c,
                                "assessment", "Shown in the packet")).toList()));
    }
}
