package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.leveling.promotion.api.CaseFixture.HR;
import static org.leveling.promotion.api.CaseFixture.decide;
import static org.leveling.promotion.api.CaseFixture.decision;
import static org.leveling.promotion.api.CaseFixture.token;
import static org.leveling.promotion.api.CaseFixture.vote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.promotion.messaging.DecisionRecordedV1;
import org.leveling.promotion.messaging.NominationWithdrawnV1;
import org.leveling.promotion.messaging.Topics;
import org.leveling.promotion.messaging.VoteCastV1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Blind votes by eligible members only, decisions by the chair (or an acting chair) once the quorum
 * has voted, the override flag, and decisions that neither the API nor the database lets anyone change.
 */
@QuarkusTest
class VoteAndDecisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    @Inject
    DataSource dataSource;

    CaseFixture org;

    @BeforeEach
    void organisation() throws Exception {
        org = new CaseFixture(catalog, people);
    }

    @Test
    void votesAreBlindUntilCastAndNeverShownToTheCandidateOrAnyoneConflicted() throws Exception {
        String id = org.caseInReview(org.cycle(2, org.chair, org.member, org.peer), 6);

        vote(org.candidate, id, "APPROVE").then().statusCode(403);
        vote(org.manager, id, "APPROVE").then().statusCode(403); // the nominator, and in the chain
        vote(org.member, id, "APPROVE").then().statusCode(201).body("revision", equalTo(1));
        given().auth().oauth2(token(org.member)).get("/api/v1/nominations/{id}/votes", id).then().statusCode(200)
                .body("visible", equalTo(true)).body("votes[0].choice", equalTo("APPROVE"));
        given().auth().oauth2(token(org.chair)).get("/api/v1/nominations/{id}/votes", id).then().statusCode(200)
                .body("visible", equalTo(false)).body("votesCast", equalTo(1)).body("quorumMet", equalTo(false))
                .body("tally", nullValue()).body("votes", nullValue());
        for (String outsider : List.of(org.candidate, org.manager, org.director)) {
            given().auth().oauth2(token(outsider)).get("/api/v1/nominations/{id}/votes", id).then().statusCode(404);
        }
        given().auth().oauth2(token(org.member)).contentType(ContentType.JSON)
                .body(Map.of("choice", "REJECT", "rationale", "Not yet", "competencyNotes", Map.of("bogus", "x")))
                .put("/api/v1/nominations/{id}/votes/mine", id).then().statusCode(400)
                .body("errors[0].field", equalTo("competencyNotes.bogus"));
        vote(org.member, id, "REJECT").then().statusCode(200).body("revision", equalTo(2));
        vote(org.chair, id, "APPROVE").then().statusCode(201);
        given().auth().oauth2(token(org.chair)).get("/api/v1/nominations/{id}/votes", id).then()
                .body("visible", equalTo(true)).body("tally.approve", equalTo(1)).body("tally.reject", equalTo(1))
                .body("quorumMet", equalTo(true));

        List<ConsumerRecord<String, String>> cast = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, id,
                r -> r.stream().filter(e -> VoteCastV1.TYPE.equals(KafkaTestClient.header(e, "ce_type"))).count() == 3)
                .stream().filter(e -> VoteCastV1.TYPE.equals(KafkaTestClient.header(e, "ce_type"))).toList();
        for (ConsumerRecord<String, String> event : cast) {
            EventSchemas.assertValid(VoteCastV1.TYPE, event.value());
            assertThat(event.value()).doesNotContain("Read the packet").doesNotContain("checkout roadmap");
        }
        JsonNode changed = JSON.readTree(cast.get(1).value());
        assertThat(changed.path("memberId").asText()).isEqualTo(org.member);
        assertThat(changed.path("choice").asText()).isEqualTo("REJECT");
        assertThat(changed.path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void theChairDecidesOnceTheQuorumHasVotedAndAnOutcomeAgainstTheMajorityIsAFlaggedOverride() throws Exception {
        String id = org.caseInReview(org.cycle(2, org.chair, org.member, org.peer), 6);
        decide(org.chair, id, decision("PROMOTED", null)).then().statusCode(409)
                .body("detail", containsString("Quorum not met: 0 of the 2"));
        vote(org.member, id, "REJECT").then().statusCode(201);
        vote(org.peer, id, "REJECT").then().statusCode(201);

        decide(org.member, id, decision("NOT_PROMOTED", null)).then().statusCode(403);
        Map<String, Object> partial = decision("PROMOTED", "Strong packet");
        partial.put("rationale", Map.of("summary", "Short", "competencies",
                List.of(Map.of("competency", "scope", "assessment", "Shown"))));
        decide(org.chair, id, partial).then().statusCode(400).body("errors.field", hasItem("rationale.competencies"));
        decide(org.chair, id, decision("PROMOTED", null)).then().statusCode(400)
                .body("errors[0].field", equalTo("overrideReason"))
                .body("errors[0].message", containsString("against the majority"));
        String decisionId = decide(org.chair, id, decision("PROMOTED", "The packet outweighs two thin votes"))
                .then().statusCode(201).body("override", equalTo(true)).body("majority", equalTo("NOT_PROMOTED"))
                .body("votes.reject", equalTo(2)).extract().path("id");

        decide(org.chair, id, decision("NOT_PROMOTED", null)).then().statusCode(409)
                .body("detail", containsString("immutable"));
        vote(org.member, id, "APPROVE").then().statusCode(409);
        given().auth().oauth2(HR).post("/api/v1/nominations/{id}/withdraw", id).then().statusCode(409);
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            given().auth().oauth2(token(org.chair)).contentType(ContentType.JSON).body(Map.of("outcome", "DEFERRED"))
                    .request(method, "/api/v1/decisions/{id}", decisionId).then().statusCode(409)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(token(org.candidate)).get("/api/v1/decisions/{id}", decisionId).then().statusCode(200)
                .body("outcome", equalTo("PROMOTED"));
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}", id).then().body("status", equalTo("DECIDED"))
                .body("decisionId", equalTo(decisionId)).body("outcome", equalTo("PROMOTED"));

        assertRefused("UPDATE promotion.decision SET outcome = 'NOT_PROMOTED' WHERE id = '" + decisionId + "'");
        assertRefused("DELETE FROM promotion.decision WHERE id = '" + decisionId + "'");
        assertRefused("UPDATE promotion.vote SET choice = 'APPROVE' WHERE nomination_id = '" + id + "'");

        ConsumerRecord<String, String> recorded = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, id,
                r -> r.stream().anyMatch(e -> DecisionRecordedV1.TYPE.equals(KafkaTestClient.header(e, "ce_type"))))
                .stream().filter(e -> DecisionRecordedV1.TYPE.equals(KafkaTestClient.header(e, "ce_type")))
                .findFirst().orElseThrow();
        EventSchemas.assertValid(DecisionRecordedV1.TYPE, recorded.value());
        JsonNode event = JSON.readTree(recorded.value());
        assertThat(event.path("decisionId").asText()).isEqualTo(decisionId);
        assertThat(event.path("override").asBoolean()).isTrue();
        assertThat(event.path("supersedesDecisionId").isNull()).isTrue();
        assertThat(recorded.value()).doesNotContain("outweighs").doesNotContain("weighed the packet");
    }

    @Test
    void whenTheChairIsConflictedHrAdminDesignatesAnActingChairAmongTheEligibleMembers() {
        // The director chairs the committee but manages the candidate's manager: off the case.
        String id = org.caseInReview(org.cycle(2, org.director, org.member, org.peer), 9);
        vote(org.member, id, "APPROVE").then().statusCode(201);
        vote(org.peer, id, "APPROVE").then().statusCode(201);
        decide(org.director, id, decision("PROMOTED", null)).then().statusCode(403)
                .body("detail", containsString("acting chair"));
        given().auth().oauth2(token(org.member)).contentType(ContentType.JSON).body(Map.of("memberId", org.member))
                .put("/api/v1/nominations/{id}/acting-chair", id).then().statusCode(403);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("memberId", org.director))
                .put("/api/v1/nominations/{id}/acting-chair", id).then().statusCode(400)
                .body("errors[0].field", equalTo("memberId"));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("memberId", org.member))
                .put("/api/v1/nominations/{id}/acting-chair", id).then().statusCode(200)
                .body("actingChairId", equalTo(org.member));
        decide(org.peer, id, decision("PROMOTED", null)).then().statusCode(403);
        decide(org.member, id, decision("PROMOTED", null)).then().statusCode(201).body("override", equalTo(false))
                .body("decidedBy", equalTo(org.member));
    }

    @Test
    void aMemberWhoRecusesAfterVotingIsOffTheCaseAndTheirVoteNoLongerCounts() {
        String cycle = org.cycle(2, org.chair, org.member, org.peer);
        String id = org.caseInReview(cycle, 5);
        vote(org.member, id, "APPROVE").then().statusCode(201);
        vote(org.peer, id, "APPROVE").then().statusCode(201);
        String committee = given().auth().oauth2(HR).get("/api/v1/cycles/{id}/committees", cycle).path("[0].id");
        given().auth().oauth2(token(org.peer)).contentType(ContentType.JSON)
                .body(Map.of("nominationId", id, "reason", "I mentored the candidate this year"))
                .post("/api/v1/committees/{id}/recusals", committee).then().statusCode(201);

        vote(org.peer, id, "REJECT").then().statusCode(404); // off the case: it is no longer theirs to see
        given().auth().oauth2(token(org.member)).get("/api/v1/nominations/{id}/votes", id).then()
                .body("votesCast", equalTo(1)).body("votes.memberId", equalTo(List.of(org.member)));
        // Two eligible members left for a quorum of 2, one vote: no decision yet.
        decide(org.chair, id, decision("PROMOTED", null)).then().statusCode(409)
                .body("detail", containsString("1 of the 2"));
        vote(org.chair, id, "APPROVE").then().statusCode(201);
        decide(org.chair, id, decision("PROMOTED", null)).then().statusCode(201).body("votes.approve", equalTo(2));
    }

    @Test
    void nobodyInTheCandidatesManagementChainVotesEvenWhenOnTheCommittee() {
        String id = org.caseInReview(org.cycle(2, org.chair, org.member, org.peer, org.director), 5);
        vote(org.director, id, "APPROVE").then().statusCode(403);
        given().auth().oauth2(token(org.director)).get("/api/v1/nominations/{id}/votes", id).then().statusCode(404);
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}", id).then()
                .body("eligibleMembers", equalTo(List.of(org.chair, org.member, org.peer)));
    }

    @Test
    void aWithdrawnCaseEndsWithAnEventAndTheCandidateCanBeNominatedAgain() throws Exception {
        String cycle = org.cycle(2, org.chair, org.member, org.peer);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        String draft = org.create(org.manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}/votes", draft).then().statusCode(409);
        given().auth().oauth2(token(org.peer)).post("/api/v1/nominations/{id}/withdraw", draft).then()
                .statusCode(404);
        given().auth().oauth2(token(org.director)).post("/api/v1/nominations/{id}/withdraw", draft).then()
                .statusCode(403);
        given().auth().oauth2(token(org.manager)).post("/api/v1/nominations/{id}/withdraw", draft).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        String second = org.create(org.manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        CaseFixture.submit(second).then().statusCode(200);
        given().auth().oauth2(HR).post("/api/v1/nominations/{id}/withdraw", second).then().statusCode(200);
        given().auth().oauth2(HR).post("/api/v1/nominations/{id}/withdraw", second).then().statusCode(409);

        for (String[] expected : List.of(new String[] {draft, "false"}, new String[] {second, "true"})) {
            ConsumerRecord<String, String> withdrawn = KafkaTestClient.awaitRecords(Topics.PROMOTIONS,
                    expected[0], r -> r.stream().anyMatch(e -> NominationWithdrawnV1.TYPE.equals(
                            KafkaTestClient.header(e, "ce_type")))).stream()
                    .filter(e -> NominationWithdrawnV1.TYPE.equals(KafkaTestClient.header(e, "ce_type")))
                    .findFirst().orElseThrow();
            EventSchemas.assertValid(NominationWithdrawnV1.TYPE, withdrawn.value());
            assertThat(JSON.readTree(withdrawn.value()).path("wasSubmitted").asText()).isEqualTo(expected[1]);
        }
    }

    @Test
    void theCaseListShowsEachCallerOnlyTheCasesTheyMaySee() {
        String cycle = org.cycle(2, org.chair, org.member, org.peer);
        String id = org.caseInReview(cycle, 3);
        for (String sees : List.of(org.chair, org.director, org.candidate, org.manager)) {
            given().auth().oauth2(token(sees)).queryParam("cycleId", cycle).get("/api/v1/nominations").then()
                    .statusCode(200).body("items.id", equalTo(List.of(id)));
        }
        given().auth().oauth2(HR).queryParam("cycleId", cycle).queryParam("status", "IN_REVIEW")
                .get("/api/v1/nominations").then().body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(token("OUTSIDER-" + org.candidate)).queryParam("cycleId", cycle)
                .get("/api/v1/nominations").then().statusCode(200).body("items", equalTo(List.of()));
        given().auth().oauth2(HR).queryParam("cycleId", cycle).queryParam("status", "DECIDED")
                .get("/api/v1/nominations").then().body("items", equalTo(List.of()));
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageMatching("(?s).*(append-only|immutable).*");
    }
}
