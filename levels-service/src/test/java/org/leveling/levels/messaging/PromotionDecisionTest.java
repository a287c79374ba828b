package org.leveling.levels.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.api.FrameworkResourceTestLadder;
import org.leveling.levels.api.LevelFixture;
import org.leveling.levels.messaging.in.DecisionRecorded;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The closed loop: promotion-service's decisions, consumed from the broker, change level history here. */
@QuarkusTest
class PromotionDecisionTest {

    private static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Test
    void aPromotedDecisionAppendsAPromotionOnceAndOtherOutcomesChangeNothing() throws Exception {
        String framework = FrameworkResourceTestLadder.publish();
        String promoted = person(framework);
        String declined = person(framework);
        String decisionId = "D-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        send(eventId, decision(decisionId, promoted, "PROMOTED", framework, "SPM-I"));
        send(eventId, decision(decisionId, promoted, "PROMOTED", framework, "SPM-I"));
        send(UUID.randomUUID().toString(), decision(decisionId, promoted, "PROMOTED", framework, "SPM-I"));
        send(UUID.randomUUID().toString(), decision("D-" + UUID.randomUUID(), declined, "NOT_PROMOTED", framework, "SPM"));
        String sentinel = person(framework);
        send(UUID.randomUUID().toString(), decision("D-" + UUID.randomUUID(), sentinel, "PROMOTED", framework, "SPM"));

        await().atMost(Duration.ofSeconds(60)).until(() -> history(sentinel).size() == 2);
        List<Map<String, Object>> entries = history(promoted);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).containsEntry("reason", "PROMOTION").containsEntry("level", "SPM-I")
                .containsEntry("sourceRef", decisionId).containsEntry("recordedBy", "promotion-service");
        assertThat(history(declined)).hasSize(1);
    }

    @Test
    void anAppealThatReplacesAPromotionWithAnotherOutcomeReturnsTheCandidateToTheirEarlierLevel() throws Exception {
        String framework = FrameworkResourceTestLadder.publish();
        String candidate = person(framework);
        String promotion = "D-" + UUID.randomUUID();
        String overturned = "D-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), decision(promotion, candidate, "PROMOTED", framework, "SPM"));
        await().atMost(Duration.ofSeconds(60)).until(() -> history(candidate).size() == 2);

        Map<String, Object> appeal = decision(overturned, candidate, "NOT_PROMOTED", framework, "SPM");
        appeal.put("nominationId", "N-" + promotion);
        appeal.put("supersedesDecisionId", promotion);
        send(UUID.randomUUID().toString(), appeal);
        send(UUID.randomUUID().toString(), appeal); // redelivered under another id: still one correction

        String sentinel = person(framework);
        send(UUID.randomUUID().toString(), decision("D-" + UUID.randomUUID(), sentinel, "PROMOTED", framework, "SPM"));
        await().atMost(Duration.ofSeconds(60)).until(() -> history(sentinel).size() == 2);
        List<Map<String, Object>> entries = history(candidate);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(2)).containsEntry("reason", "CORRECTION").containsEntry("level", "PM")
                .containsEntry("sourceRef", overturned).containsEntry("effectiveFrom", "2026-12-01");
    }

    @Test
    void aDecisionForALevelTheFrameworkLacksIsParkedWithTheReason() throws Exception {
        String framework = FrameworkResourceTestLadder.publish();
        String candidate = person(framework);
        String eventId = UUID.randomUUID().toString();

        send(eventId, decision("D-" + UUID.randomUUID(), candidate, "PROMOTED", framework, "NOPE"));

        String reason = await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> reasons = entityManager.createNativeQuery("SELECT reason FROM inbox_parked_event WHERE event_id = :id")
                    .setParameter("id", eventId).getResultList();
            return reasons.isEmpty() ? null : reasons.get(0).toString();
        }), r -> r != null);
        assertThat(reason).contains("NOPE");
        assertThat(history(candidate)).hasSize(1);
    }

    private void send(String eventId, Map<String, Object> decision) throws Exception {
        String payload = json.writeValueAsString(decision);
        EventSchemas.assertValid(DecisionRecorded.TYPE, payload);
        KafkaTestClient.send(Topics.PROMOTIONS, (String) decision.get("nominationId"),
                Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/promotion-service",
                        "ce_type", DecisionRecorded.TYPE, "ce_time", Instant.now().toString(),
                        "ce_subject", (String) decision.get("nominationId"), "content-type", "application/json"),
                payload);
    }

    private static Map<String, Object> decision(String decisionId, String candidate, String outcome, String framework,
            String level) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decisionId", decisionId);
        decision.put("nominationId", "N-" + decisionId);
        decision.put("cycleId", "2026-H2");
        decision.put("candidateId", candidate);
        decision.put("outcome", outcome);
        decision.put("frameworkKey", framework);
        decision.put("frameworkVersion", 1);
        decision.put("targetLevel", level);
        decision.put("effectiveDate", "2026-12-01");
        decision.put("decidedAt", Instant.now().toString());
        decision.put("supersedesDecisionId", null);
        return decision;
    }

    private static List<Map<String, Object>> history(String person) {
        return LevelFixture.history(person);
    }

    private static String person(String framework) {
        String id = "E-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Candidate " + id);
        body.put("email", id.toLowerCase() + "@example.com");
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id).then()
                .statusCode(201);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("frameworkKey", framework, "frameworkVersion", 1, "level", "PM",
                        "effectiveFrom", "2025-01-01", "reason", "INITIAL"))
                .post("/api/v1/people/{id}/level-history", id).then().statusCode(201);
        return id;
    }
}
