package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;
import org.leveling.common.testing.UpstreamEvents;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An organisation and the calls that take a case through promotion-service, for tests: a sample
 * ladder, a reporting line (director → manager → candidate, peer) and committee people (chair →
 * member), all with fresh ids so tests never see each other's data.
 */
final class CaseFixture {

    static final String HR = Tokens.forEmployee("HR1", "hr-admin");
    /** The windows of every test cycle: nominations, review, calibration, in order. */
    static final Map<String, Object> WINDOWS = Map.of("nominationsFrom", "2026-11-01", "nominationsTo", "2026-11-30",
            "reviewFrom", "2026-12-01", "reviewTo", "2026-12-15", "calibrationFrom", "2026-12-16",
            "calibrationTo", "2026-12-20");
    static final List<String> SPM_COMPETENCIES = List.of("autonomy", "communication", "domain-expertise", "influence",
            "leadership", "mentoring", "navigating-complexity", "product-definition", "scope");

    final String framework;
    final String director = Upstream.id("dir");
    final String manager = Upstream.id("mgr");
    final String candidate = Upstream.id("cand");
    final String chair = Upstream.id("chair");
    final String member = Upstream.id("member");
    final String peer = Upstream.id("peer");

    final Upstream upstream;

    CaseFixture(FrameworkCatalog catalog, PeopleDirectory people) throws Exception {
        upstream = new Upstream(catalog, people);
        framework = upstream.publishSampleFramework();
        upstream.people(List.of(new String[] {director, null}, new String[] {chair, null},
                new String[] {member, chair}, new String[] {manager, director}, new String[] {peer, manager},
                new String[] {candidate, manager}));
        upstream.level(candidate, framework, "PM", LocalDate.of(2025, 1, 1));
    }

    /** A cycle over Payments and Growth with one committee (for Payments): the chair, then members. */
    String cycle(int quorum, String chairId, String... members) {
        String cycle = given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("name", "H2",
                "frameworkKey", framework, "orgUnits", List.of("Payments", "Growth"), "windows", WINDOWS))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        committee(cycle, "Payments", quorum, chairId, members);
        return cycle;
    }

    static String committee(String cycle, String name, int quorum, String chairId, String... members) {
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(Map.of("employeeId", chairId, "role", "CHAIR"));
        for (String m : members) {
            list.add(Map.of("employeeId", m, "role", "MEMBER"));
        }
        return given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("name", name, "orgUnits",
                List.of(name), "quorum", quorum, "members", list))
                .post("/api/v1/cycles/{id}/committees", cycle).then().statusCode(201).extract().path("id");
    }

    Response create(String nominator, String cycle, String target) {
        return given().auth().oauth2(token(nominator)).contentType(ContentType.JSON).body(Map.of("cycleId", cycle,
                "candidateId", candidate, "targetLevel", target, "justification", "Ready for more scope"))
                .post("/api/v1/nominations");
    }

    /**
     * A case for SPM in review: nominated by the manager, submitted, its packet (the given share of
     * competencies READY) arrived, and the cycle moved to IN_REVIEW.
     */
    String caseInReview(String cycle, int readyCompetencies) {
        transition(cycle, "OPEN_NOMINATIONS");
        String id = create(manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        submit(id).then().statusCode(200);
        UpstreamEvents.send("leveling.evidence", id, "/evidence-service", "org.leveling.evidence.packet-assembled.v1",
                packet(id, readyCompetencies));
        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().auth().oauth2(HR)
                .get("/api/v1/nominations/{id}", id).path("status")));
        transition(cycle, "START_REVIEW");
        return id;
    }

    /** evidence-service's packet for an SPM nomination with the first {@code ready} competencies READY. */
    Map<String, Object> packet(String nomination, int ready) {
        return packet(framework, candidate, nomination, ready);
    }

    /** As above for any candidate, with the given pieces of evidence (ids) in the packet. */
    static Map<String, Object> packet(String framework, String candidate, String nomination, int ready,
            List<String> evidenceIds) {
        Map<String, Object> packet = packet(framework, candidate, nomination, ready);
        packet.put("evidence", evidenceIds.stream().map(id -> {
            Map<String, Object> piece = new LinkedHashMap<>();
            piece.put("evidenceId", id);
            piece.put("kind", "LAUNCH");
            piece.put("title", "Checkout launch");
            piece.put("level", "SPM");
            piece.put("competencies", List.of("scope"));
            piece.put("status", "SUBMITTED");
            piece.put("acknowledgements", 0);
            piece.put("endorsements", 1);
            piece.put("occurredFrom", "2026-04-01");
            piece.put("occurredTo", "2026-06-30");
            piece.put("submittedAt", Instant.now().toString());
            return piece;
        }).toList());
        return packet;
    }

    /** evidence-service's endorsed event: {@code attester} endorsed {@code candidate}'s evidence {@code evidenceId}. */
    static void endorse(String evidenceId, String candidate, String attester) {
        UpstreamEvents.send("leveling.evidence", evidenceId, "/evidence-service", "org.leveling.evidence.endorsed.v1",
                Map.of("evidenceId", evidenceId, "subjectId", candidate, "attesterId", attester, "status", "SUBMITTED",
                        "acknowledgements", 0, "endorsements", 1, "attestedAt", Instant.now().toString()));
    }

    /** As above for any candidate of the framework; a negative {@code ready} lists no competencies. */
    static Map<String, Object> packet(String framework, String candidate, String nomination, int ready) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("nominationId", nomination);
        packet.put("candidateId", candidate);
        packet.put("frameworkKey", framework);
        packet.put("frameworkVersion", 1);
        packet.put("targetLevel", "SPM");
        packet.put("currentLevel", "PM");
        packet.put("currentLevelSource", "LEVEL_HISTORY");
        packet.put("verdict", ready == SPM_COMPETENCIES.size() ? "READY" : "NOT_YET");
        packet.put("reasons", List.of("Every competency of the current level is shown, but not yet SPM consistently."));
        packet.put("rules", Map.of("minimumQuarters", 2, "endorsementsCount", true, "minimumEndorsements", 2));
        List<Map<String, Object>> competencies = new ArrayList<>();
        for (int i = 0; i < (ready < 0 ? 0 : SPM_COMPETENCIES.size()); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("competency", SPM_COMPETENCIES.get(i));
            c.put("status", i < ready ? "READY" : "CURRENT_LEVEL_SHOWN");
            c.put("currentLevelEvidence", List.of());
            c.put("targetLevelEvidence", List.of());
            c.put("targetLevelQuarters", List.of());
            c.put("latestRating", null);
            c.put("missing", List.of());
            competencies.add(c);
        }
        packet.put("competencies", competencies);
        packet.put("evidence", List.of());
        packet.put("assembledAt", Instant.now().toString());
        return packet;
    }

    static Response submit(String id) {
        return given().auth().oauth2(HR).post("/api/v1/nominations/{id}/submit", id);
    }

    static void transition(String cycle, String action) {
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("action", action))
                .post("/api/v1/cycles/{id}/transitions", cycle).then().statusCode(200);
    }

    static Response vote(String who, String nomination, String choice) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON)
                .body(Map.of("choice", choice, "rationale", "Read the packet: " + choice.toLowerCase(),
                        "competencyNotes", Map.of("scope", "Owned the checkout roadmap")))
                .put("/api/v1/nominations/{id}/votes/mine", nomination);
    }

    /** A decision request assessing every SPM competency. */
    static Map<String, Object> decision(String outcome, String overrideReason) {
        return decision(outcome, overrideReason, SPM_COMPETENCIES);
    }

    /** A decision request assessing each of the given competencies of the target level. */
    static Map<String, Object> decision(String outcome, String overrideReason, List<String> competencies) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("rationale", Map.of("summary", "The committee weighed the packet and the votes.",
                "competencies", competencies.stream().map(c -> Map.of("competency", c, "assessment",
                        "Shown at SPM in two quarters")).toList()));
        body.put("effectiveDate", LocalDate.now().plusDays(1).toString());
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return body;
    }

    static Response decide(String who, String nomination, Map<String, Object> body) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/nominations/{id}/decisions", nomination);
    }

    static String token(String employeeId) {
        return Tokens.forEmployee(employeeId, "employee", "manager");
    }
}
