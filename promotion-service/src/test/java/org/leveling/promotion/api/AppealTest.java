package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.leveling.promotion.api.CaseFixture.HR;
import static org.leveling.promotion.api.CaseFixture.decide;
import static org.leveling.promotion.api.CaseFixture.decision;
import static org.leveling.promotion.api.CaseFixture.token;
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
import org.leveling.common.testing.Upstream;
import org.leveling.promotion.ShiftableClock;
import org.leveling.promotion.messaging.AppealDecidedV1;
import org.leveling.promotion.messaging.AppealFiledV1;
import org.leveling.promotion.messaging.DecisionRecordedV1;
import org.leveling.promotion.messaging.Topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Appeals: filed by the candidate or the nominator within the window, once; decided by hr-admin or an
 * independent chair; an upheld appeal records a new decision that supersedes the old.
 */
@QuarkusTest
class AppealTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    CaseFixture org;
    String cycle;
    String nomination;
    String decisionId;

    @BeforeEach
    void aCaseDecidedNotPromoted() throws Exception {
        org = new CaseFixture(catalog, people);
        cycle = org.cycle(2, org.chair, org.member, org.peer);
        nomination = org.caseInReview(cycle, 4);
        vote(org.member, nomination, "REJECT").then().statusCode(201);
        vote(org.peer, nomination, "REJECT").then().statusCode(201);
        decisionId = decide(org.chair, nomination, decision("NOT_PROMOTED", null)).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void anUpheldAppealRecordsANewDecisionThatSupersedesTheOne() throws Exception {
        appeal(org.peer).then().statusCode(403);
        appeal(org.director).then().statusCode(403);
        String appeal = appeal(org.candidate).then().statusCode(201).body("appellantRole", equalTo("CANDIDATE"))
                .body("status", equalTo("OPEN")).extract().path("id");
        appeal(org.manager).then().statusCode(409).body("detail", containsString("appealed already"));

        // The chair who decided may not decide the appeal; the chair of another committee of the cycle may.
        rule(token(org.chair), appeal, true, "NOT_PROMOTED").then().statusCode(403);
        rule(HR, appeal, true, "NOT_PROMOTED").then().statusCode(400)
                .body("errors[0].field", equalTo("newDecision.outcome"));
        rule(HR, appeal, true, null).then().statusCode(400).body("errors[0].field", equalTo("newDecision"));
        Map<String, Object> thin = new java.util.LinkedHashMap<>(Map.of("upheld", true, "reason", "Reviewed"));
        Map<String, Object> undated = decision("PROMOTED", null);
        undated.remove("effectiveDate");
        thin.put("newDecision", undated);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(thin).post("/api/v1/appeals/{id}/decision", appeal)
                .then().statusCode(400).body("errors[0].field", equalTo("newDecision.effectiveDate"));
        String growthChair = Upstream.id("growth-chair");
        org.upstream.people(List.<String[]>of(new String[] {growthChair, null}));
        CaseFixture.committee(cycle, "Growth", 1, growthChair);
        given().auth().oauth2(token(growthChair)).get("/api/v1/nominations/{id}/packet", nomination).then()
                .statusCode(200); // the appeal's independent chair reads the case while the appeal is open
        String newDecision = rule(token(growthChair), appeal, true, "PROMOTED").then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("decidedBy", equalTo(growthChair))
                .extract().path("newDecisionId");
        rule(HR, appeal, false, null).then().statusCode(409);
        given().auth().oauth2(token(growthChair)).get("/api/v1/nominations/{id}/packet", nomination).then()
                .statusCode(404);

        given().auth().oauth2(token(org.candidate)).get("/api/v1/nominations/{id}/decisions", nomination).then()
                .statusCode(200).body("id", equalTo(List.of(decisionId, newDecision)))
                .body("[1].supersedesDecisionId", equalTo(decisionId)).body("[1].appealId", equalTo(appeal))
                .body("[1].outcome", equalTo("PROMOTED"));
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}", nomination).then()
                .body("decisionId", equalTo(newDecision)).body("outcome", equalTo("PROMOTED"));
        appeal(org.candidate).then().statusCode(409).body("detail", containsString("replaced"));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, nomination,
                r -> r.stream().anyMatch(e -> AppealDecidedV1.TYPE.equals(KafkaTestClient.header(e, "ce_type"))));
        List<String> types = events.stream().map(e -> KafkaTestClient.header(e, "ce_type")).toList();
        assertThat(types.subList(types.size() - 4, types.size())).containsExactly(DecisionRecordedV1.TYPE,
                AppealFiledV1.TYPE, DecisionRecordedV1.TYPE, AppealDecidedV1.TYPE);
        for (ConsumerRecord<String, String> event : events.subList(events.size() - 4, events.size())) {
            EventSchemas.assertValid(KafkaTestClient.header(event, "ce_type"), event.value());
            assertThat(event.value()).doesNotContain("overlooked");
        }
        JsonNode superseding = JSON.readTree(events.get(events.size() - 2).value());
        assertThat(superseding.path("supersedesDecisionId").asText()).isEqualTo(decisionId);
        assertThat(superseding.path("outcome").asText()).isEqualTo("PROMOTED");
        assertThat(JSON.readTree(events.get(events.size() - 1).value()).path("newDecisionId").asText())
                .isEqualTo(newDecision);
    }

    @Test
    void aDismissedAppealLeavesTheDecisionInForce() {
        String appeal = appeal(org.manager).then().statusCode(201).body("appellantRole", equalTo("NOMINATOR"))
                .extract().path("id");
        given().auth().oauth2(token(org.candidate)).get("/api/v1/appeals/{id}", appeal).then().statusCode(200);
        given().auth().oauth2(token(Upstream.id("stranger"))).get("/api/v1/appeals/{id}", appeal).then()
                .statusCode(404);
        rule(HR, appeal, false, "PROMOTED").then().statusCode(400).body("errors[0].field", equalTo("newDecision"));
        rule(HR, appeal, false, null).then().statusCode(200).body("status", equalTo("DISMISSED"))
                .body("newDecisionId", equalTo(null));
        given().auth().oauth2(HR).get("/api/v1/nominations/{id}", nomination).then()
                .body("decisionId", equalTo(decisionId)).body("outcome", equalTo("NOT_PROMOTED"));
    }

    @Test
    void aCaseOutsideTheCallersScopeAnswersExactlyWhatAnUnknownIdAnswers() {
        String appeal = appeal(org.candidate).then().statusCode(201).extract().path("id");
        String stranger = token(Upstream.id("stranger"));
        String unknown = UUID.randomUUID().toString();
        Map<String, String> hiddenToUnknown = Map.of("/api/v1/nominations/{id}", nomination,
                "/api/v1/decisions/{id}", decisionId, "/api/v1/appeals/{id}", appeal);
        hiddenToUnknown.forEach((path, hidden) -> assertThat(notFound(stranger, path, hidden, hidden))
                .isEqualTo(notFound(stranger, path, unknown, unknown)));
        assertThat(withoutRequestFields(rule(stranger, appeal, false, null), appeal))
                .isEqualTo(withoutRequestFields(rule(stranger, unknown, false, null), unknown));
    }

    /** The 404 body with the id asked for and the per-request fields taken out. */
    private static JsonNode notFound(String token, String path, String id, String askedFor) {
        return withoutRequestFields(given().auth().oauth2(token).get(path, id), askedFor);
    }

    private static JsonNode withoutRequestFields(Response response, String askedFor) {
        response.then().statusCode(404).contentType("application/problem+json");
        try {
            ObjectNode body = (ObjectNode)
                    JSON.readTree(response.asString().replace(askedFor, "{id}"));
            body.remove(List.of("correlationId", "instance"));
            return body;
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theAppealWindowClosesThirtyDaysAfterTheDecision() {
        ShiftableClock.shifted(Duration.ofDays(31), () -> appeal(org.candidate).then().statusCode(409)
                .body("detail", containsString("window")));
        ShiftableClock.shifted(Duration.ofDays(29), () -> appeal(org.candidate).then().statusCode(201));
    }

    private Response appeal(String who) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON)
                .body(Map.of("reason", "The committee overlooked the launch evidence"))
                .post("/api/v1/decisions/{id}/appeals", decisionId);
    }

    private static Response rule(String token, String appeal, boolean upheld, String newOutcome) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("upheld", upheld);
        body.put("reason", "Reviewed the packet again");
        if (newOutcome != null) {
            body.put("newDecision", decision(newOutcome, null));
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appeals/{id}/decision", appeal);
    }
}
