package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.leveling.promotion.api.CaseFixture.HR;
import static org.leveling.promotion.api.CaseFixture.decision;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;
import org.leveling.common.testing.UpstreamEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * No role stands above a conflict of interest: every case route × every kind of conflicted person
 * (candidate, nominator, direct manager, skip-level manager, recused member, endorser of the packet's
 * evidence) × with and without hr-admin in the token is refused with the documented status — 404 where
 * the caller may not see the case or what they asked for, 403 where they may see the case but not do
 * this — while an hr-admin without a conflict (or the member whose part it is) is allowed.
 */
@QuarkusTest
class SeparationOfDutiesTest {

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    /** One cell of the matrix: what was asked, by whom, what the rule says and what came back. */
    record Cell(String route, String who, boolean hrAdmin, int expected, int actual) {
    }

    private final List<Cell> matrix = new ArrayList<>();

    @Test
    void conflictedPeopleAreRefusedOnEveryCaseRouteWhateverTheirRoles() throws Exception {
        CaseFixture base = new CaseFixture(catalog, people);
        Upstream upstream = base.upstream;
        String vp = Upstream.id("vp");
        String skip = Upstream.id("skip");
        String direct = Upstream.id("direct");
        String candidate = Upstream.id("cand");
        String endorser = Upstream.id("endorser"); // chairs the committee and endorses evidence in the packet
        String m1 = Upstream.id("m1");
        String m2 = Upstream.id("m2");
        String recused = Upstream.id("recused");
        String otherCandidate = Upstream.id("cand2");
        String hrOk = Upstream.id("hr"); // an hr-admin with no part in the case
        upstream.people(List.of(new String[] {vp, null}, new String[] {skip, vp}, new String[] {direct, skip},
                new String[] {candidate, direct}, new String[] {otherCandidate, direct}, new String[] {endorser, null},
                new String[] {m1, null}, new String[] {m2, null}, new String[] {recused, null}));
        upstream.level(candidate, base.framework, "PM", LocalDate.of(2025, 1, 1));
        upstream.level(otherCandidate, base.framework, "PM", LocalDate.of(2025, 1, 1));

        String cycle = given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("name", "H2",
                "frameworkKey", base.framework, "orgUnits", List.of("Payments", "Growth"), "windows",
                CaseFixture.WINDOWS)).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        String committee = CaseFixture.committee(cycle, "Payments", 2, endorser, m1, m2, recused);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");

        // Nobody nominates themselves, hr-admin or not.
        nominate(Tokens.forEmployee(candidate, "employee", "hr-admin"), cycle, candidate).then().statusCode(403);
        String id = nominate(CaseFixture.token(vp), cycle, candidate).then().statusCode(201).extract().path("id");
        String draft = nominate(CaseFixture.token(direct), cycle, otherCandidate).then().statusCode(201).extract()
                .path("id");
        given().auth().oauth2(CaseFixture.token(vp)).post("/api/v1/nominations/{id}/submit", id).then()
                .statusCode(200).body("eligibleMembers", equalTo(List.of(endorser, m1, m2, recused)));
        String evidence = UUID.randomUUID().toString();
        UpstreamEvents.send("leveling.evidence", id, "/evidence-service", "org.leveling.evidence.packet-assembled.v1",
                CaseFixture.packet(base.framework, candidate, id, 6, List.of(evidence)));
        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().auth().oauth2(HR)
                .get("/api/v1/nominations/{id}", id).path("status")));
        CaseFixture.transition(cycle, "START_REVIEW");
        given().auth().oauth2(CaseFixture.token(recused)).contentType(ContentType.JSON)
                .body(Map.of("nominationId", id, "reason", "Worked with the candidate"))
                .post("/api/v1/committees/{id}/recusals", committee).then().statusCode(201);
        CaseFixture.endorse(evidence, candidate, endorser);
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(m1, m2).equals(given().auth().oauth2(HR)
                .get("/api/v1/nominations/{id}", id).path("eligibleMembers")));
        CaseFixture.vote(m1, id, "APPROVE").then().statusCode(201);
        CaseFixture.vote(m2, id, "APPROVE").then().statusCode(201);

        List<String[]> inReview = List.of(new String[] {"nomination", id}, new String[] {"vote", id + "/" + m1},
                new String[] {"vote", id + "/" + m2});
        List<String> conflicted = List.of(candidate, vp, direct, skip, recused, endorser);
        List<String> seeTheCase = List.of(candidate, vp, direct, skip);
        for (String who : conflicted) {
            for (boolean hr : List.of(false, true)) {
                String token = token(who, hr);
                boolean visible = hr || seeTheCase.contains(who);
                check("GET votes", who, hr, 404, given().auth().oauth2(token).get("/api/v1/nominations/{id}/votes", id));
                check("GET packet", who, hr, 404, given().auth().oauth2(token).get("/api/v1/nominations/{id}/packet", id));
                check("PUT vote", who, hr, visible ? 403 : 404, given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("choice", "APPROVE", "rationale", "mine")).put("/api/v1/nominations/{id}/votes/mine", id));
                check("POST decision", who, hr, visible ? 403 : 404, given().auth().oauth2(token)
                        .contentType(ContentType.JSON).body(decision("PROMOTED", null))
                        .post("/api/v1/nominations/{id}/decisions", id));
                check("PUT acting chair", who, hr, visible ? 403 : 404, given().auth().oauth2(token)
                        .contentType(ContentType.JSON).body(Map.of("memberId", m1))
                        .put("/api/v1/nominations/{id}/acting-chair", id));
                if (!who.equals(vp)) { // the nominator may withdraw their own nomination: that is their part
                    check("POST withdraw", who, hr, visible ? 403 : 404, given().auth().oauth2(token)
                            .post("/api/v1/nominations/{id}/withdraw", id));
                }
                checkAuditOfCase(who, hr, token, inReview);
            }
        }
        // Candidate with hr-admin: no edit of their own case, no committee for a cycle they are nominated in.
        check("POST committee", candidate, true, 403, given().auth().oauth2(token(candidate, true))
                .contentType(ContentType.JSON).body(Map.of("name", "Growth", "orgUnits", List.of("Growth"), "quorum", 1,
                        "members", List.of(Map.of("employeeId", m1, "role", "CHAIR"))))
                .post("/api/v1/cycles/{id}/committees", cycle));

        // Allowed: an hr-admin without a part in the case, the chair's stand-in, the eligible members.
        String hrToken = Tokens.forEmployee(hrOk, "hr-admin");
        given().auth().oauth2(hrToken).get("/api/v1/nominations/{id}/votes", id).then().statusCode(200)
                .body("visible", equalTo(true)).body("votes", hasSize(2)).body("quorumReachable", equalTo(true));
        given().auth().oauth2(hrToken).get("/api/v1/nominations/{id}/packet", id).then().statusCode(200)
                .body("evidence[0].evidenceId", equalTo(evidence));
        assertThat(auditOf(hrToken, inReview)).as("audit rows of the case for a non-conflicted hr-admin")
                .hasSizeGreaterThanOrEqualTo(3);
        given().auth().oauth2(hrToken).contentType(ContentType.JSON).body(Map.of("memberId", m1))
                .put("/api/v1/nominations/{id}/acting-chair", id).then().statusCode(200)
                .body("actingChairId", equalTo(m1));
        String decided = CaseFixture.decide(m1, id, decision("PROMOTED", null)).then().statusCode(201).extract()
                .path("id");

        // Decided: the appeal. Filing is the candidate's and the nominator's part; nobody else's.
        for (String who : List.of(direct, skip, recused, endorser)) {
            for (boolean hr : List.of(false, true)) {
                boolean visible = hr || seeTheCase.contains(who);
                check("POST appeal", who, hr, visible ? 403 : 404, fileAppeal(token(who, hr), decided));
            }
        }
        String appeal = fileAppeal(CaseFixture.token(candidate), decided).then().statusCode(201).extract().path("id");
        List<String[]> decidedCase = new ArrayList<>(inReview);
        decidedCase.add(new String[] {"decision", decided});
        decidedCase.add(new String[] {"appeal", appeal});
        for (String who : conflicted) {
            for (boolean hr : List.of(false, true)) {
                boolean visible = hr || seeTheCase.contains(who);
                check("POST appeal decision", who, hr, visible ? 403 : 404, given().auth().oauth2(token(who, hr))
                        .contentType(ContentType.JSON).body(Map.of("upheld", false, "reason", "mine to rule"))
                        .post("/api/v1/appeals/{id}/decision", appeal));
                if (hr) {
                    checkAuditOfCase(who, true, token(who, true), decidedCase);
                }
            }
        }
        given().auth().oauth2(hrToken).contentType(ContentType.JSON)
                .body(Map.of("upheld", false, "reason", "The committee weighed the packet fairly."))
                .post("/api/v1/appeals/{id}/decision", appeal).then().statusCode(200).body("status", equalTo("DISMISSED"));

        // Withdrawal: refused to the candidate with hr-admin, allowed to an hr-admin without a conflict.
        check("PATCH own draft", otherCandidate, true, 403, given().auth().oauth2(token(otherCandidate, true))
                .contentType(ContentType.JSON).body(Map.of("justification", "I am ready"))
                .patch("/api/v1/nominations/{id}", draft));
        check("POST withdraw", otherCandidate, true, 403, given().auth().oauth2(token(otherCandidate, true))
                .post("/api/v1/nominations/{id}/withdraw", draft));
        given().auth().oauth2(hrToken).post("/api/v1/nominations/{id}/withdraw", draft).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        List<Cell> wrong = matrix.stream().filter(c -> c.expected() != c.actual()).toList();
        System.out.printf("Separation-of-duties matrix: %d refusals checked, %d wrong%n", matrix.size(), wrong.size());
        assertThat(wrong).as("cells answered otherwise than the rule says").isEmpty();
        assertThat(matrix).hasSizeGreaterThan(100);
    }

    private void checkAuditOfCase(String who, boolean hr, String token, List<String[]> resources) {
        if (!hr) {
            check("GET audit", who, false, 403, given().auth().oauth2(token).get("/api/v1/audit"));
            return;
        }
        // Refused here means: none of the case's rows (nomination, votes, decisions, appeals) is shown.
        matrix.add(new Cell("GET audit (rows of the case)", who, true, 0, auditOf(token, resources).size()));
    }

    /** The audit rows of the given resources (type, id) that the caller can read. */
    private static List<Object> auditOf(String token, List<String[]> resources) {
        List<Object> rows = new ArrayList<>();
        for (String[] resource : resources) {
            rows.addAll(given().auth().oauth2(token).queryParam("resourceType", resource[0])
                    .queryParam("resourceId", resource[1]).queryParam("limit", 200).get("/api/v1/audit").then()
                    .statusCode(200).extract().<List<Object>>path("items"));
        }
        return rows;
    }

    private void check(String route, String who, boolean hr, int expected, Response response) {
        matrix.add(new Cell(route, who, hr, expected, response.statusCode()));
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as(route + " by " + who).startsWith("application/problem+json");
        }
    }

    private static String token(String who, boolean hrAdmin) {
        return hrAdmin ? Tokens.forEmployee(who, "employee", "manager", "hr-admin")
                : Tokens.forEmployee(who, "employee", "manager");
    }

    private static Response nominate(String token, String cycle, String candidate) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("cycleId", cycle,
                "candidateId", candidate, "targetLevel", "SPM", "justification", "Ready for more scope"))
                .post("/api/v1/nominations");
    }

    private static Response fileAppeal(String token, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "The packet was read without the Q3 launch."))
                .post("/api/v1/decisions/{id}/appeals", decision);
    }
}
