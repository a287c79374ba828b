package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.leveling.promotion.api.CaseFixture.HR;
import static org.leveling.promotion.api.CaseFixture.decide;
import static org.leveling.promotion.api.CaseFixture.decision;
import static org.leveling.promotion.api.CaseFixture.vote;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.UpstreamEvents;
import org.leveling.promotion.messaging.EligibilityChangedV1;
import org.leveling.promotion.messaging.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Conflicts of interest are checked against the data as it is now: a member who joins the candidate's
 * management chain, or who attests evidence of the packet, after submission is off the case — their
 * next vote refused, their earlier vote no longer counted, an eligibility-changed event and an audit
 * row saying so — and a committee left below its quorum cannot decide.
 */
@QuarkusTest
class LiveConflictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    CaseFixture org;

    @BeforeEach
    void organisation() throws Exception {
        org = new CaseFixture(catalog, people);
    }

    @Test
    void aMemberWhoJoinsTheCandidatesChainAfterSubmissionStopsCountingAndQuorumLossBlocksTheDecision()
            throws Exception {
        String id = org.caseInReview(org.cycle(2, org.chair, org.member, org.peer), 6);
        vote(org.peer, id, "APPROVE").then().statusCode(201);
        vote(org.chair, id, "APPROVE").then().statusCode(201);

        // levels-service moves the candidate under the peer: the peer is now in the candidate's chain.
        org.upstream.move(org.candidate, org.peer, 2);

        JsonNode changed = eligibilityChanged(id, 1);
        // As JSON trees: field order is not part of the contract.
        assertThat(changed.path("removed")).isEqualTo(JSON.valueToTree(
                List.of(Map.of("memberId", org.peer, "reason", "MANAGEMENT_CHAIN"))));
        assertThat(changed.path("quorumReachable").asBoolean()).isTrue(); // the chair and the member remain
        vote(org.peer, id, "REJECT").then().statusCode(403).body("detail", containsString("management chain"));
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}/votes", id).then().statusCode(200)
                .body("eligibleMembers", equalTo(List.of(org.chair, org.member))).body("votesCast", equalTo(1))
                .body("tally.approve", equalTo(1)).body("quorumMet", equalTo(false));
        given().auth().oauth2(CaseFixture.token(org.peer)).get("/api/v1/nominations/{id}/packet", id).then()
                .statusCode(404);
        decide(org.chair, id, decision("PROMOTED", null)).then().statusCode(409)
                .body("detail", containsString("Quorum not met"));
        List<Object> audit = given().auth().oauth2(HR).queryParam("resourceType", "nomination")
                .queryParam("resourceId", id).queryParam("actor", "levels-service").get("/api/v1/audit").then()
                .statusCode(200).extract().path("items");
        assertThat(audit).hasSize(1);

        // Then under the member (moved to the top first, so that the chair stays out of the chain).
        org.upstream.move(org.member, null, 2);
        org.upstream.move(org.candidate, org.member, 3);
        JsonNode second = eligibilityChanged(id, 2);
        assertThat(second.path("quorumReachable").asBoolean()).isFalse();
        assertThat(second.path("eligibleMembers").toString()).isEqualTo("[\"" + org.chair + "\"]");
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}/votes", id).then()
                .body("quorumReachable", equalTo(false));
        decide(org.chair, id, decision("PROMOTED", null)).then().statusCode(409)
                .body("type", equalTo("urn:leveling:problem:conflict"))
                .body("detail", containsString("can no longer make its quorum"));
    }

    @Test
    void whoeverAttestedEvidenceOfThePacketIsOffTheCaseWhicheverArrivesFirst() throws Exception {
        String cycle = org.cycle(1, org.chair, org.member, org.peer);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        String id = org.create(org.manager, cycle, "SPM").then().statusCode(201).extract().path("id");
        CaseFixture.submit(id).then().statusCode(200);
        String early = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        CaseFixture.endorse(early, org.candidate, org.peer); // before the packet that holds it
        UpstreamEvents.send("leveling.evidence", id, "/evidence-service", "org.leveling.evidence.packet-assembled.v1",
                CaseFixture.packet(org.framework, org.candidate, id, 6, List.of(early, late)));
        JsonNode first = eligibilityChanged(id, 1);
        assertThat(first.path("removed").get(0).path("memberId").asText()).isEqualTo(org.peer);
        assertThat(first.path("removed").get(0).path("reason").asText()).isEqualTo("ATTESTED_EVIDENCE");

        CaseFixture.endorse(late, org.candidate, org.member); // after the packet
        JsonNode second = eligibilityChanged(id, 2);
        assertThat(second.path("removed").get(0).path("memberId").asText()).isEqualTo(org.member);
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}", id).then()
                .body("eligibleMembers", equalTo(List.of(org.chair)));
    }

    /** Waits for the n-th eligibility-changed event of the case on the broker, checked against its schema. */
    private static JsonNode eligibilityChanged(String nomination, int n) throws Exception {
        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(60)).until(
                () -> KafkaTestClient.recordsWithKey(Topics.PROMOTIONS, nomination).stream()
                        .filter(r -> EligibilityChangedV1.TYPE.equals(KafkaTestClient.header(r, "ce_type"))).toList(),
                list -> list.size() >= n);
        String payload = events.get(n - 1).value();
        EventSchemas.assertValid(EligibilityChangedV1.TYPE, payload);
        return JSON.readTree(payload);
    }
}
