package org.leveling.evidence.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.leveling.common.testing.Tokens;
import org.leveling.evidence.messaging.Topics;
import org.leveling.common.testing.Upstream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class EvidenceResourceTest {

    private static final String NARRATIVE = "Led the checkout redesign end to end; secret-narrative-"
            + UUID.randomUUID();

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    Upstream upstream;

    String framework;
    String director;
    String manager;
    String subject;
    String peer;
    String otherPeer;

    @BeforeEach
    void organisation() throws Exception {
        upstream = new Upstream(catalog, people);
        framework = upstream.publishSampleFramework();
        director = Upstream.id("dir");
        manager = Upstream.id("mgr");
        subject = Upstream.id("sub");
        peer = Upstream.id("peer");
        otherPeer = Upstream.id("peer2");
        upstream.people(List.of(new String[] {director, null}, new String[] {manager, director},
                new String[] {peer, manager}, new String[] {otherPeer, director}, new String[] {subject, manager}));
    }

    @Test
    void evidenceIsValidatedAgainstThePinnedFrameworkVersionAndNothingIsCreated() {
        Map<String, Object> bad = evidence(subject);
        bad.put("level", "CEO");
        bad.put("competencies", List.of("influence", "juggling", "influence"));
        bad.put("occurredFrom", "2026-06-01");
        bad.put("occurredTo", "2026-05-01");
        Response response = create(subject, bad);
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).containsExactlyInAnyOrder("level",
                "competencies[1]", "competencies[2]", "occurredTo");

        Map<String, Object> badLink = evidence(subject);
        badLink.put("links", List.of("https://ok.example.com", "javascript:alert(1)"));
        create(subject, badLink).then().statusCode(400).body("errors.field", equalTo(List.of("links[1]")));

        Map<String, Object> future = evidence(subject);
        future.put("occurredTo", LocalDate.now().plusDays(3).toString());
        create(subject, future).then().statusCode(400).body("errors.field", hasItem("occurredTo"));

        Map<String, Object> unknownVersion = evidence(subject);
        unknownVersion.put("frameworkVersion", 7);
        create(subject, unknownVersion).then().statusCode(400).body("errors.field", hasItem("frameworkVersion"));

        given().auth().oauth2(token(subject)).queryParam("subject", subject).get("/api/v1/evidence").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aRetiredVersionIsRefusedForNewEvidenceAndForSubmission() {
        String draft = create(subject, evidence(subject)).then().statusCode(201).extract().path("id");
        upstream.retire(framework, 1);

        create(subject, evidence(subject)).then().statusCode(400)
                .body("errors[0].field", equalTo("frameworkVersion"))
                .body("errors[0].message", containsString("retired"));
        post(subject, draft, "submit", null).then().statusCode(400).body("errors[0].field", equalTo("frameworkVersion"));
    }

    @Test
    void theLifecycleMovesOnlyAlongItsTransitionsAndPublishesEachStep() {
        String id = create(subject, evidence(subject)).then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
        given().auth().oauth2(token(subject)).contentType(ContentType.JSON).body(Map.of("title", "Checkout v2"))
                .patch("/api/v1/evidence/{id}", id).then().statusCode(200).body("title", equalTo("Checkout v2"))
                .body("revision", equalTo(2));
        given().auth().oauth2(token(subject)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("title", "stale")).patch("/api/v1/evidence/{id}", id).then().statusCode(412);
        given().auth().oauth2(token(subject)).contentType(ContentType.JSON).body(Map.of("title", "   "))
                .patch("/api/v1/evidence/{id}", id).then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().auth().oauth2(token(subject)).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("impact", "Activation +14%")).patch("/api/v1/evidence/{id}", id).then().statusCode(200)
                .body("title", equalTo("Checkout v2")).body("impact", equalTo("Activation +14%"));

        post(manager, id, "acknowledge", null).then().statusCode(409);
        post(subject, id, "submit", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        post(subject, id, "submit", null).then().statusCode(409);
        given().auth().oauth2(token(subject)).contentType(ContentType.JSON).body(Map.of("title", "late edit"))
                .patch("/api/v1/evidence/{id}", id).then().statusCode(409);
        post(manager, id, "acknowledge", Map.of("comment", "Saw it ship")).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("attestations[0].comment", equalTo("Saw it ship"));
        post(director, id, "challenge", Map.of("comment", "too late")).then().statusCode(409);
        post(subject, id, "withdraw", null).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        post(subject, id, "withdraw", null).then().statusCode(409);
        post(peer, id, "endorsements", Map.of("comment", "late")).then().statusCode(409);

        String challenged = submitted(subject);
        post(manager, challenged, "challenge", Map.of()).then().statusCode(400).body("errors[0].field",
                equalTo("comment"));
        post(manager, challenged, "challenge", Map.of("comment", "The launch slipped to Q3")).then().statusCode(200)
                .body("status", equalTo("CHALLENGED"));
        post(manager, challenged, "acknowledge", null).then().statusCode(409);

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.EVIDENCE, id,
                r -> r.size() >= 3);
        assertThat(events).extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(
                "org.leveling.evidence.submitted.v1", "org.leveling.evidence.acknowledged.v1",
                "org.leveling.evidence.withdrawn.v1");
        List<ConsumerRecord<String, String>> challenge = KafkaTestClient.awaitRecords(Topics.EVIDENCE, challenged,
                r -> r.size() >= 2);
        assertThat(KafkaTestClient.header(challenge.get(1), "ce_type")).isEqualTo("org.leveling.evidence.challenged.v1");
        for (ConsumerRecord<String, String> event : List.of(events.get(0), events.get(1), events.get(2),
                challenge.get(1))) {
            EventSchemas.assertValid(KafkaTestClient.header(event, "ce_type"), event.value());
            assertThat(event.value()).doesNotContain(NARRATIVE, "Saw it ship", "slipped");
        }
    }

    @Test
    void saveAndSubmitCreatesSubmittedEvidenceAndPublishesItInOneStep() {
        String id = given().auth().oauth2(token(subject)).contentType(ContentType.JSON).body(evidence(subject))
                .queryParam("submit", true).post("/api/v1/evidence").then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).extract().path("id");
        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecords(Topics.EVIDENCE, id,
                r -> !r.isEmpty()).get(0);
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo("org.leveling.evidence.submitted.v1");
        EventSchemas.assertValid("org.leveling.evidence.submitted.v1", event.value());
        assertThat(event.value()).contains(subject).doesNotContain(NARRATIVE);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameEvidenceAndADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = evidence(subject);
        String first = create(subject, body, key).then().statusCode(201).extract().path("id");
        Response again = create(subject, body, key);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first);

        Map<String, Object> changed = evidence(subject);
        changed.put("title", "Something else");
        create(subject, changed, key).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:leveling:problem:idempotency-key-reused"));
        create(manager, body, key).then().statusCode(201).body("authorId", equalTo(manager));

        given().auth().oauth2(token(subject)).queryParam("subject", subject).get("/api/v1/evidence").then()
                .statusCode(200).body("items", hasSize(2));
    }

    @Test
    void theManagementChainAttestsAndPeersEndorseOnceEach() {
        String bySubject = submitted(subject);
        post(subject, bySubject, "acknowledge", null).then().statusCode(403);
        post(peer, bySubject, "acknowledge", null).then().statusCode(404);
        post(director, bySubject, "acknowledge", null).then().statusCode(200);

        Map<String, Object> byManager = evidence(subject);
        String managerWrote = create(manager, byManager).then().statusCode(201).extract().path("id");
        post(manager, managerWrote, "submit", null).then().statusCode(200);
        post(manager, managerWrote, "acknowledge", null).then().statusCode(403)
                .body("detail", containsString("You wrote this evidence"));

        post(peer, bySubject, "endorsements", Map.of("comment", "I worked with them on it")).then().statusCode(201)
                .body("endorsements", equalTo(1));
        post(peer, bySubject, "endorsements", Map.of("comment", "again")).then().statusCode(409);
        post(otherPeer, bySubject, "endorsements", Map.of()).then().statusCode(400);
        post(manager, bySubject, "endorsements", Map.of("comment", "mine")).then().statusCode(403);
        post(subject, bySubject, "endorsements", Map.of("comment", "me")).then().statusCode(403);
        String draft = create(subject, evidence(subject)).then().statusCode(201).extract().path("id");
        post(peer, draft, "endorsements", Map.of("comment", "early")).then().statusCode(409);

        create(peer, evidence(subject)).then().statusCode(403);
        create(peer, evidence("nobody-" + UUID.randomUUID().toString().substring(0, 8))).then().statusCode(403);
        given().auth().oauth2(token(subject)).get("/api/v1/evidence/{id}", bySubject).then().statusCode(200)
                .body("endorsements", equalTo(1)).body("attestations.kind", equalTo(List.of("ACKNOWLEDGED", "ENDORSED")));
        ConsumerRecord<String, String> endorsed = KafkaTestClient.awaitRecords(Topics.EVIDENCE, bySubject,
                r -> r.size() >= 3).get(2);
        assertThat(KafkaTestClient.header(endorsed, "ce_type")).isEqualTo("org.leveling.evidence.endorsed.v1");
        EventSchemas.assertValid("org.leveling.evidence.endorsed.v1", endorsed.value());
        assertThat(endorsed.value()).doesNotContain("I worked with them");
    }

    @Test
    void onlyTheSubjectTheirChainAndHrAdminReadEvidence() {
        String id = submitted(subject);
        for (String reader : List.of(subject, manager, director)) {
            given().auth().oauth2(token(reader)).get("/api/v1/evidence/{id}", id).then().statusCode(200)
                    .body("narrative", equalTo(NARRATIVE));
        }
        given().auth().oauth2(Tokens.forEmployee("HR9", "hr-admin")).get("/api/v1/evidence/{id}", id).then()
                .statusCode(200);
        // Outside the caller's scope: exactly the answer an unknown id gets.
        String unknown = UUID.randomUUID().toString();
        String hidden = given().auth().oauth2(token(peer)).get("/api/v1/evidence/{id}", id).then().statusCode(404)
                .extract().path("detail");
        String none = given().auth().oauth2(token(peer)).get("/api/v1/evidence/{id}", unknown).then()
                .statusCode(404).extract().path("detail");
        assertThat(hidden.replace(id, "{id}")).isEqualTo(none.replace(unknown, "{id}"));
        given().auth().oauth2(token(peer)).queryParam("subject", subject).get("/api/v1/evidence").then()
                .statusCode(404);
        given().auth().oauth2(token(peer)).contentType(ContentType.JSON).body(Map.of("title", "x"))
                .patch("/api/v1/evidence/{id}", id).then().statusCode(404);
    }

    @Test
    void listsArePagedWithAnOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            create(subject, evidence(subject)).then().statusCode(201);
        }
        Response first = given().auth().oauth2(token(manager)).queryParam("subject", subject).queryParam("limit", 2)
                .get("/api/v1/evidence");
        first.then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(token(manager)).queryParam("subject", subject).queryParam("limit", 2)
                .queryParam("cursor", first.jsonPath().getString("nextCursor")).get("/api/v1/evidence").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", equalTo(null));
        given().auth().oauth2(token(manager)).queryParam("subject", subject).queryParam("cursor", "bm9wZQ")
                .get("/api/v1/evidence").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private String submitted(String author) {
        String id = create(author, evidence(subject)).then().statusCode(201).extract().path("id");
        post(author, id, "submit", null).then().statusCode(200);
        return id;
    }

    private Map<String, Object> evidence(String about) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", about);
        body.put("frameworkKey", framework);
        body.put("frameworkVersion", 1);
        body.put("level", "SPM");
        body.put("competencies", List.of("product-definition", "influence"));
        body.put("kind", "LAUNCH");
        body.put("title", "Launched self-serve onboarding");
        body.put("narrative", NARRATIVE);
        body.put("impact", "Activation +12%");
        body.put("links", List.of("https://docs.example.com/onboarding"));
        body.put("occurredFrom", "2026-03-01");
        body.put("occurredTo", "2026-05-15");
        return body;
    }

    private static Response create(String author, Map<String, Object> body) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(body).post("/api/v1/evidence");
    }

    private static Response create(String author, Map<String, Object> body, String idempotencyKey) {
        return given().auth().oauth2(token(author)).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(body).post("/api/v1/evidence");
    }

    private static Response post(String caller, String id, String action, Map<String, Object> body) {
        var request = given().auth().oauth2(token(caller));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/v1/evidence/{id}/" + action, id);
    }

    private static String token(String employeeId) {
        return Tokens.forEmployee(employeeId, "employee");
    }
}
