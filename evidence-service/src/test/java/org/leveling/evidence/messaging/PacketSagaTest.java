package org.leveling.evidence.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.UpstreamEvents;
import org.leveling.common.testing.Upstream;
import org.leveling.evidence.messaging.in.NominationSubmitted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The evidence side of the packet saga over the real broker: a submitted nomination opens the
 * candidate's evidence to its committee and is answered by one packet, whatever the duplicates;
 * the decision closes the access again.
 */
@QuarkusTest
class PacketSagaTest {

    private static final String NARRATIVE = "Confidential narrative of the launch";

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    Upstream upstream;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    String framework;
    String manager;
    String candidate;
    String member;
    String otherMember;
    String outsider;

    @BeforeEach
    void organisation() throws Exception {
        upstream = new Upstream(catalog, people);
        framework = upstream.publishSampleFramework();
        String director = Upstream.id("dir");
        manager = Upstream.id("mgr");
        candidate = Upstream.id("cand");
        member = Upstream.id("cm");
        otherMember = Upstream.id("cm");
        outsider = Upstream.id("out");
        upstream.people(List.of(new String[] {director, null}, new String[] {manager, director},
                new String[] {member, director}, new String[] {otherMember, director}, new String[] {outsider, null},
                new String[] {candidate, manager}));
        upstream.level(candidate, framework, "PM", LocalDate.of(2025, 1, 1));
    }

    @Test
    void aSubmittedNominationGetsOnePacketAndItsCommitteeReadsTheEvidenceUntilRecusalOrDecision() throws Exception {
        String acknowledged = evidence("SPM", "2026-04-01", "2026-05-20", true);
        String draft = evidence("SPM", "2026-06-01", "2026-06-20", false);
        given().auth().oauth2(token(member)).queryParam("subject", candidate).get("/api/v1/evidence").then()
                .statusCode(404);

        String nomination = Upstream.id("nom");
        Map<String, Object> submitted = nomination(nomination);
        UpstreamEvents.send(Topics.PROMOTIONS, nomination, "/promotion-service", NominationSubmitted.TYPE,
                submitted);

        ConsumerRecord<String, String> packet = KafkaTestClient.awaitRecords(Topics.EVIDENCE, nomination,
                r -> !r.isEmpty()).get(0);
        assertThat(KafkaTestClient.header(packet, "ce_type")).isEqualTo(PacketAssembledV1.TYPE);
        EventSchemas.assertValid(PacketAssembledV1.TYPE, packet.value());
        JsonNode payload = json.readTree(packet.value());
        assertThat(payload.path("candidateId").asText()).isEqualTo(candidate);
        assertThat(payload.path("verdict").asText()).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(payload.path("evidence").findValuesAsText("evidenceId")).containsExactly(acknowledged)
                .doesNotContain(draft);
        assertThat(payload.path("competencies")).hasSize(9);
        assertThat(packet.value()).doesNotContain(NARRATIVE);

        for (String reader : List.of(member, otherMember)) {
            given().auth().oauth2(token(reader)).get("/api/v1/evidence/{id}", acknowledged).then().statusCode(200)
                    .body("narrative", equalTo(NARRATIVE));
        }
        given().auth().oauth2(token(member)).queryParam("targetLevel", "SPM")
                .get("/api/v1/people/{id}/readiness", candidate).then().statusCode(200);
        given().auth().oauth2(token(outsider)).get("/api/v1/evidence/{id}", acknowledged).then().statusCode(404);
        given().auth().oauth2(token(member)).contentType(ContentType.JSON).body(Map.of("comment", "Great work"))
                .post("/api/v1/evidence/{id}/endorsements", acknowledged).then().statusCode(403);

        String duplicate = UpstreamEvents.send(Topics.PROMOTIONS, nomination, "/promotion-service",
                NominationSubmitted.TYPE, submitted);
        awaitProcessed(duplicate);
        // The duplicate's transaction has committed: had it assembled a packet, its outbox row would be there.
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE aggregateid = :id").setParameter("id", nomination)
                .getSingleResult()).intValue())).isEqualTo(1);
        assertThat(KafkaTestClient.recordsWithKey(Topics.EVIDENCE, nomination)).hasSize(1);

        UpstreamEvents.send("leveling.promotions", nomination, "/promotion-service",
                "org.leveling.promotions.recusal-declared.v1", Map.of("nominationId", nomination, "committeeId",
                        "committee-pm", "memberId", otherMember, "declaredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token(otherMember))
                .get("/api/v1/evidence/{id}", acknowledged).statusCode() == 404);
        given().auth().oauth2(token(member)).get("/api/v1/evidence/{id}", acknowledged).then().statusCode(200);

        UpstreamEvents.send("leveling.promotions", nomination, "/promotion-service",
                "org.leveling.promotions.decision-recorded.v1", decision(nomination));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token(member))
                .get("/api/v1/evidence/{id}", acknowledged).statusCode() == 404);
        given().auth().oauth2(token(otherMember)).queryParam("subject", candidate).get("/api/v1/evidence").then()
                .statusCode(404);
        given().auth().oauth2(token(manager)).get("/api/v1/evidence/{id}", acknowledged).then().statusCode(200);
    }

    @Test
    void aMemberWhoBecameConflictedAfterSubmissionLosesAccessAndTheOthersKeepIt() throws Exception {
        String acknowledged = evidence("SPM", "2026-04-01", "2026-05-20", true);
        String nomination = Upstream.id("nom");
        UpstreamEvents.send(Topics.PROMOTIONS, nomination, "/promotion-service", NominationSubmitted.TYPE,
                nomination(nomination));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token(otherMember))
                .get("/api/v1/evidence/{id}", acknowledged).statusCode() == 200);

        Map<String, Object> changed = Map.of("nominationId", nomination, "cycleId", "cycle-2026-h2", "committeeId",
                "committee-pm", "removed", List.of(Map.of("memberId", otherMember, "reason", "MANAGEMENT_CHAIN")),
                "eligibleMembers", List.of(member), "quorum", 1, "quorumReachable", true,
                "changedAt", Instant.now().toString());
        String event = UpstreamEvents.send("leveling.promotions", nomination, "/promotion-service",
                "org.leveling.promotions.eligibility-changed.v1", changed);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token(otherMember))
                .get("/api/v1/evidence/{id}", acknowledged).statusCode() == 404);
        given().auth().oauth2(token(member)).get("/api/v1/evidence/{id}", acknowledged).then().statusCode(200);
        List<Object> audit = given().auth().oauth2(Tokens.forEmployee("HR1", "hr-admin"))
                .queryParam("resourceType", "committee-grant").queryParam("resourceId", nomination + "/" + otherMember)
                .get("/api/v1/audit").then().statusCode(200).extract().path("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.toString()).contains(event);
    }

    @Test
    void aWithdrawnNominationEndsItsCommitteesAccess() throws Exception {
        String acknowledged = evidence("SPM", "2026-04-01", "2026-05-20", true);
        String nomination = Upstream.id("nom");
        UpstreamEvents.send(Topics.PROMOTIONS, nomination, "/promotion-service", NominationSubmitted.TYPE,
                nomination(nomination));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token(member))
                .get("/api/v1/evidence/{id}", acknowledged).statusCode() == 200);

        Map<String, Object> withdrawn = Map.of("nominationId", nomination, "cycleId", "cycle-2026-h2", "candidateId",
                candidate, "withdrawnBy", manager, "wasSubmitted", true, "withdrawnAt", Instant.now().toString());
        EventSchemas.assertValid("org.leveling.promotions.nomination-withdrawn.v1", json.writeValueAsString(withdrawn));
        UpstreamEvents.send("leveling.promotions", nomination, "/promotion-service",
                "org.leveling.promotions.nomination-withdrawn.v1", withdrawn);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token(member))
                .get("/api/v1/evidence/{id}", acknowledged).statusCode() == 404);
        given().auth().oauth2(token(otherMember)).get("/api/v1/evidence/{id}", acknowledged).then().statusCode(404);
    }

    @Test
    void aNominationParkedBeforeItsFrameworkArrivedIsRedrivenByHrAdminOnceItHas() throws Exception {
        String late = "pm-late-" + Upstream.id("f").toLowerCase().replaceAll("[^a-z0-9-]", "");
        String nomination = Upstream.id("nom");
        Map<String, Object> submitted = nomination(nomination);
        submitted.put("frameworkKey", late);
        String eventId = UpstreamEvents.send(Topics.PROMOTIONS, nomination, "/promotion-service",
                NominationSubmitted.TYPE, submitted);
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        Map<String, Object> parked = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(hr)
                .queryParam("limit", 200).get("/api/v1/inbox/parked").jsonPath().<Map<String, Object>>getList("$")
                .stream().filter(p -> eventId.equals(p.get("eventId"))).findFirst().orElse(null),
                p -> p != null);
        assertThat((String) parked.get("reason")).contains(late);
        Object id = parked.get("id");
        given().auth().oauth2(token(member)).post("/api/v1/inbox/parked/{id}/redrive", id).then().statusCode(403);

        upstream.publishSampleFramework(late);
        given().auth().oauth2(hr).post("/api/v1/inbox/parked/{id}/redrive", id).then().statusCode(200)
                .body("outcome", equalTo("APPLIED")).body("eventId", equalTo(eventId));
        ConsumerRecord<String, String> packet = KafkaTestClient.awaitRecords(Topics.EVIDENCE, nomination,
                r -> !r.isEmpty()).get(0);
        assertThat(json.readTree(packet.value()).path("frameworkKey").asText()).isEqualTo(late);
        given().auth().oauth2(hr).post("/api/v1/inbox/parked/{id}/redrive", id).then().statusCode(404);
    }

    private Map<String, Object> nomination(String id) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("nominationId", id);
        event.put("cycleId", "cycle-2026-h2");
        event.put("candidateId", candidate);
        event.put("nominatorId", manager);
        event.put("frameworkKey", framework);
        event.put("frameworkVersion", 1);
        event.put("targetLevel", "SPM");
        event.put("committeeId", "committee-pm");
        event.put("committeeMembers", List.of(member, otherMember));
        event.put("submittedAt", Instant.now().toString());
        return event;
    }

    private Map<String, Object> decision(String nomination) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("decisionId", Upstream.id("dec"));
        event.put("nominationId", nomination);
        event.put("cycleId", "cycle-2026-h2");
        event.put("candidateId", candidate);
        event.put("outcome", "NOT_PROMOTED");
        event.put("frameworkKey", framework);
        event.put("frameworkVersion", 1);
        event.put("targetLevel", "SPM");
        event.put("effectiveDate", "2026-12-01");
        event.put("decidedAt", Instant.now().toString());
        event.put("supersedesDecisionId", null);
        return event;
    }

    private String evidence(String level, String from, String to, boolean acknowledge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", candidate);
        body.put("frameworkKey", framework);
        body.put("frameworkVersion", 1);
        body.put("level", level);
        body.put("competencies", List.of("product-definition", "influence"));
        body.put("kind", "LAUNCH");
        body.put("title", "Launch " + from);
        body.put("narrative", NARRATIVE);
        body.put("occurredFrom", from);
        body.put("occurredTo", to);
        String id = given().auth().oauth2(token(candidate)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        if (acknowledge) {
            given().auth().oauth2(token(candidate)).post("/api/v1/evidence/{id}/submit", id).then().statusCode(200);
            given().auth().oauth2(token(manager)).post("/api/v1/evidence/{id}/acknowledge", id).then()
                    .statusCode(200);
        }
        return id;
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number)
                entityManager.createNativeQuery("SELECT count(*) FROM inbox_processed_event WHERE event_id = :id")
                        .setParameter("id", eventId).getSingleResult()).intValue() == 1));
    }

    private static String token(String employeeId) {
        return Tokens.forEmployee(employeeId, "employee");
    }
}
