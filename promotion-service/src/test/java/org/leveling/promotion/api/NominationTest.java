package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;
import org.leveling.common.testing.UpstreamEvents;
import org.leveling.promotion.messaging.NominationSubmittedV1;
import org.leveling.promotion.messaging.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Nominations up to review over the real broker: who may nominate, for which level, once per cycle;
 * submission only while nominations are open, to the committee minus everyone with a conflict of
 * interest; the packet from evidence-service freezes the case into review.
 */
@QuarkusTest
class NominationTest {

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    CaseFixture org;
    String framework;
    String director;
    String manager;
    String candidate;
    String chair;
    String member;
    String peer;

    @BeforeEach
    void organisation() throws Exception {
        org = new CaseFixture(catalog, people);
        framework = org.framework;
        director = org.director;
        manager = org.manager;
        candidate = org.candidate;
        chair = org.chair;
        member = org.member;
        peer = org.peer;
    }

    @Test
    void theChainNominatesOncePerCycleForALevelAboveTheCandidates() {
        String cycle = org.cycle(2, chair, member, director);
        org.create(peer, cycle, "SPM").then().statusCode(403);
        org.create(manager, cycle, "PM").then().statusCode(400).body("errors[0].field", equalTo("targetLevel"));
        org.create(manager, cycle, "CEO").then().statusCode(400).body("errors[0].field", equalTo("targetLevel"));
        String id = org.create(manager, cycle, "GPM").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("frameworkVersion", equalTo(1)).extract().path("id");
        org.create(director, cycle, "SPM").then().statusCode(409).body("detail", containsString("open nomination"));
        given().auth().oauth2(CaseFixture.token(manager)).contentType(ContentType.JSON).body(Map.of("targetLevel", "SPM"))
                .patch("/api/v1/nominations/{id}", id).then().statusCode(200).body("targetLevel", equalTo("SPM"));
        given().auth().oauth2(CaseFixture.token(peer)).get("/api/v1/nominations/{id}", id).then().statusCode(404);
        given().auth().oauth2(CaseFixture.token(candidate)).get("/api/v1/nominations/{id}", id).then().statusCode(200);
    }

    @Test
    void submissionGoesToTheCommitteeWithoutConflictedMembersAndThePacketStartsTheReview() throws Exception {
        String cycle = org.cycle(2, chair, member, director);
        String id = org.create(manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        CaseFixture.submit(id).then().statusCode(409).body("detail", containsString("not open"));
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        CaseFixture.submit(id).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("eligibleMembers", equalTo(List.of(chair, member)));
        CaseFixture.submit(id).then().statusCode(409);
        given().auth().oauth2(CaseFixture.token(manager)).contentType(ContentType.JSON).body(Map.of("targetLevel", "PPM"))
                .patch("/api/v1/nominations/{id}", id).then().statusCode(409);

        ConsumerRecord<String, String> submitted = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, id,
                r -> !r.isEmpty()).get(0);
        assertThat(KafkaTestClient.header(submitted, "ce_type")).isEqualTo(NominationSubmittedV1.TYPE);
        EventSchemas.assertValid(NominationSubmittedV1.TYPE, submitted.value());
        assertThat(new ObjectMapper().readTree(submitted.value()).path("committeeMembers"))
                .extracting(JsonNode::asText).containsExactly(chair, member);

        given().auth().oauth2(CaseFixture.token(chair)).get("/api/v1/nominations/{id}/packet", id).then().statusCode(404);
        UpstreamEvents.send("leveling.evidence", id, "/evidence-service", "org.leveling.evidence.packet-assembled.v1",
                org.packet(id, -1));
        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().auth().oauth2(CaseFixture.HR)
                .get("/api/v1/nominations/{id}", id).path("status")));
        given().auth().oauth2(CaseFixture.token(chair)).get("/api/v1/nominations/{id}/packet", id).then().statusCode(200)
                .body("verdict", equalTo("NOT_YET")).body("nominationId", equalTo(id));
        given().auth().oauth2(CaseFixture.token(candidate)).get("/api/v1/nominations/{id}/packet", id).then().statusCode(404);
        given().auth().oauth2(CaseFixture.token(director)).get("/api/v1/nominations/{id}/packet", id).then().statusCode(404);
    }

    @Test
    void aCommitteeThatConflictsOfInterestLeaveBelowQuorumCannotTakeTheCase() {
        String cycle = org.cycle(3, chair, member, director);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        String id = org.create(manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        CaseFixture.submit(id).then().statusCode(409).body("detail", containsString("2 eligible member(s)"))
                .body("detail", containsString("quorum of 3"));
        given().auth().oauth2(CaseFixture.HR).get("/api/v1/nominations/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aMemberWhoRecusesIsOffTheCaseBeforeOrAfterSubmission() throws Exception {
        String cycle = org.cycle(2, chair, member, peer);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        String id = org.create(manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        String committee = given().auth().oauth2(CaseFixture.HR).get("/api/v1/cycles/{id}/committees", cycle).path("[0].id");
        recuse(member, committee, id).then().statusCode(201);
        recuse(member, committee, id).then().statusCode(409);
        recuse(candidate, committee, id).then().statusCode(404);
        CaseFixture.submit(id).then().statusCode(200).body("eligibleMembers", equalTo(List.of(chair, peer)));

        recuse(peer, committee, id).then().statusCode(201).body("eligibleMembers", equalTo(List.of(chair)));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, id,
                r -> r.size() >= 3);
        assertThat(events).extracting(e -> KafkaTestClient.header(e, "ce_type")).containsExactly(
                "org.leveling.promotions.recusal-declared.v1", NominationSubmittedV1.TYPE,
                "org.leveling.promotions.recusal-declared.v1");
        EventSchemas.assertValid("org.leveling.promotions.recusal-declared.v1", events.get(2).value());
        assertThat(events.get(2).value()).contains(peer).doesNotContain("Worked with the candidate");
        given().auth().oauth2(CaseFixture.token(peer)).get("/api/v1/nominations/{id}/packet", id).then().statusCode(404);
    }

    @Test
    void onlyTheCommitteeReviewingTheCaseTakesRecusalsAndAClosedCycleTakesNoChanges() {
        String cycle = org.cycle(1, chair, member);
        String marketing = given().auth().oauth2(CaseFixture.HR).contentType(ContentType.JSON).body(Map.of("name", "Marketing",
                "orgUnits", List.of("Marketing"), "quorum", 1, "members", List.of(Map.of("employeeId", peer, "role",
                        "CHAIR"))))
                .post("/api/v1/cycles/{id}/committees", cycle).then().statusCode(400).extract().path("type");
        assertThat(marketing).isEqualTo("urn:leveling:problem:validation-failed"); // Marketing is outside the cycle
        String id = org.create(manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        String payments = given().auth().oauth2(CaseFixture.HR).get("/api/v1/cycles/{id}/committees", cycle).path("[0].id");
        String otherCycle = org.cycle(1, peer);
        String otherCommittee = given().auth().oauth2(CaseFixture.HR).get("/api/v1/cycles/{id}/committees", otherCycle)
                .path("[0].id");
        recuse(peer, otherCommittee, id).then().statusCode(400).body("errors[0].field", equalTo("nominationId"));

        for (String action : List.of("OPEN_NOMINATIONS", "START_REVIEW", "CALIBRATE", "CLOSE")) {
            CaseFixture.transition(cycle, action);
        }
        given().auth().oauth2(CaseFixture.token(manager)).contentType(ContentType.JSON).body(Map.of("justification", "late"))
                .patch("/api/v1/nominations/{id}", id).then().statusCode(409).body("detail", containsString("closed"));
        recuse(member, payments, id).then().statusCode(409).body("detail", containsString("closed"));
    }

    private Response recuse(String who, String committee, String nomination) {
        return given().auth().oauth2(CaseFixture.token(who)).contentType(ContentType.JSON)
                .body(Map.of("nominationId", nomination, "reason", "Worked with the candidate on the launch"))
                .post("/api/v1/committees/{id}/recusals", committee);
    }

}
