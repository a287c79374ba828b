package org.leveling.evidence.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.leveling.evidence.messaging.Topics;
import org.leveling.common.testing.Upstream;
import org.leveling.common.web.Cursors;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The worked example of docs/readiness.md: a PM aiming for Senior PM, with evidence in several
 * states and a check-in, gets NOT_YET with the reasons; more evidence and a better rating make it
 * READY; a person with too little evidence gets INSUFFICIENT_EVIDENCE. Default rules: 2 distinct
 * quarters, endorsements count from 2 peers.
 */
@QuarkusTest
class ReadinessTest {

    static final List<String> ALL = List.of("product-definition", "domain-expertise", "navigating-complexity",
            "communication", "influence", "autonomy", "scope", "leadership", "mentoring");
    static final List<String> FIVE = List.of("product-definition", "communication", "influence", "autonomy", "scope");

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    Upstream upstream;

    String framework;
    String manager;
    String subject;
    String peer1;
    String peer2;
    String stranger;

    @BeforeEach
    void organisation() throws Exception {
        upstream = new Upstream(catalog, people);
        framework = upstream.publishSampleFramework();
        String director = Upstream.id("dir");
        manager = Upstream.id("mgr");
        subject = Upstream.id("pm");
        peer1 = Upstream.id("peer");
        peer2 = Upstream.id("peer");
        stranger = Upstream.id("other");
        upstream.people(List.of(new String[] {director, null}, new String[] {manager, director},
                new String[] {peer1, manager}, new String[] {peer2, manager}, new String[] {stranger, director},
                new String[] {subject, manager}));
        upstream.level(subject, framework, "PM", LocalDate.of(2025, 7, 1));
    }

    @Test
    void theWorkedExampleIsNotYetForTheReasonsGivenThenReady() {
        acknowledged("PM", ALL, "2026-01-10", "2026-02-20");                            // A: Q1, current level
        acknowledged("SPM", FIVE, "2026-04-01", "2026-05-15");                          // B: Q2
        String c = endorsed("SPM-II", plus(FIVE, "navigating-complexity"), "2026-07-01", "2026-08-20", 2); // C: Q3
        challenged("SPM", List.of("mentoring"), "2026-06-01", "2026-06-30");           // D: does not count
        endorsed("SPM", List.of("leadership", "domain-expertise"), "2026-07-01", "2026-09-10", 1); // E: 1 peer only
        draft("SPM", List.of("mentoring"));                                              // F: a draft never counts
        checkIn("2026-09-30", Map.of("product-definition", "EXCEEDS", "influence", "BELOW", "communication", "MEETS"));

        JsonPath readiness = readiness("SPM");
        assertThat(readiness.getString("verdict")).isEqualTo("NOT_YET");
        assertThat(readiness.getString("currentLevel")).isEqualTo("PM");
        assertThat(readiness.getString("currentLevelSource")).isEqualTo("LEVEL_HISTORY");
        assertThat(readiness.getList("competencies.competency")).containsExactlyElementsOf(ALL);
        assertThat(status(readiness)).containsExactly(
                "product-definition=READY", "domain-expertise=CURRENT_LEVEL_SHOWN",
                "navigating-complexity=CURRENT_LEVEL_SHOWN", "communication=READY",
                "influence=CURRENT_LEVEL_SHOWN", "autonomy=READY", "scope=READY",
                "leadership=CURRENT_LEVEL_SHOWN", "mentoring=CURRENT_LEVEL_SHOWN");
        Map<String, Object> influence = competency(readiness, "influence");
        assertThat(strings(influence, "targetLevelQuarters")).containsExactly("2026-Q2", "2026-Q3");
        assertThat(strings(influence, "missing")).containsExactly(
                "the latest check-in (2026-09-30) rates it below SPM");
        assertThat(strings(competency(readiness, "navigating-complexity"), "missing")).containsExactly(
                "evidence at SPM in 1 distinct quarter; 2 needed");
        assertThat(strings(competency(readiness, "navigating-complexity"), "targetLevelEvidence"))
                .containsExactly(c);
        assertThat(strings(competency(readiness, "mentoring"), "missing")).containsExactly(
                "no attested evidence at SPM");
        assertThat(readiness.getList("evidence")).hasSize(3);
        assertThat(readiness.getString("reasons[0]")).startsWith("Every competency of the current level is shown, "
                + "but not yet SPM consistently: domain-expertise");
        assertThat(readiness.getString("competencies[0].targetExpectation.level")).isEqualTo("SPM");

        acknowledged("SPM", List.of("navigating-complexity", "domain-expertise", "leadership", "mentoring"),
                "2026-08-01", "2026-09-15");                                             // G: Q3
        acknowledged("SPM", List.of("domain-expertise", "leadership", "mentoring", "influence"),
                "2026-10-01", "2026-11-10");                                             // H: Q4
        checkIn("2026-11-15", Map.of("influence", "MEETS"));
        readiness = readiness("SPM");
        assertThat(readiness.getString("verdict")).isEqualTo("NOT_YET");
        assertThat(status(readiness)).containsOnlyOnce("navigating-complexity=CURRENT_LEVEL_SHOWN");

        acknowledged("SPM", List.of("navigating-complexity"), "2026-10-05", "2026-11-01"); // I: Q4
        readiness = readiness("SPM");
        assertThat(readiness.getString("verdict")).isEqualTo("READY");
        assertThat(readiness.getString("reasons[0]")).isEqualTo("Every competency is shown at SPM in at least 2 "
                + "distinct quarters, and no latest check-in rates one below.");
    }

    @Test
    void tooLittleEvidenceForTheCurrentLevelIsInsufficient() {
        acknowledged("SPM", FIVE, "2026-04-01", "2026-05-15");
        JsonPath readiness = readiness("SPM");
        assertThat(readiness.getString("verdict")).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(readiness.getString("reasons[0]")).isEqualTo("Not every competency of PM is shown by attested "
                + "evidence yet: domain-expertise, navigating-complexity, leadership, mentoring.");
    }

    @Test
    void readinessIsReadOnlyByThoseWhoMayReadTheEvidenceAndValidatesItsQuestion() {
        given().auth().oauth2(token(stranger)).queryParam("targetLevel", "SPM")
                .get("/api/v1/people/{id}/readiness", subject).then().statusCode(404);
        given().auth().oauth2(token(subject)).queryParam("targetLevel", "CEO")
                .get("/api/v1/people/{id}/readiness", subject).then().statusCode(400)
                .body("errors[0].field", equalTo("targetLevel"));
        given().auth().oauth2(token(subject)).get("/api/v1/people/{id}/readiness", subject).then().statusCode(400)
                .body("errors[0].field", equalTo("targetLevel"));
        given().auth().oauth2(token(subject)).queryParam("targetLevel", "PM")
                .get("/api/v1/people/{id}/readiness", subject).then().statusCode(400)
                .body("errors[0].message", equalTo("must be above the person's current level PM in the same track"));
        given().auth().oauth2(token(manager)).queryParam("targetLevel", "SPM")
                .get("/api/v1/people/{id}/readiness", subject).then().statusCode(200)
                .body("frameworkKey", equalTo(framework)).body("frameworkVersion", equalTo(1));
    }

    @Test
    void managersRecordCheckInsThatAreKeptAsHistoryAndPublishedWithoutNotes() {
        checkIn("2026-06-30", Map.of("influence", "MEETS"));
        String latest = checkIn("2026-09-30", Map.of("influence", "EXCEEDS", "scope", "BELOW"));
        given().auth().oauth2(token(subject)).get("/api/v1/people/{id}/check-ins", subject).then().statusCode(200)
                .body("items.date", equalTo(List.of("2026-09-30", "2026-06-30"))).body("nextCursor", equalTo(null));
        given().auth().oauth2(token(stranger)).get("/api/v1/people/{id}/check-ins", subject).then().statusCode(404);
        given().auth().oauth2(token(subject)).get("/api/v1/people/{id}/check-ins/{checkIn}", subject, latest).then()
                .statusCode(200).body("ratings.rating", containsInAnyOrder("EXCEEDS", "BELOW"));
        given().auth().oauth2(token(subject)).contentType(ContentType.JSON)
                .body(checkInBody("2026-10-01", Map.of("influence", "MEETS")))
                .post("/api/v1/people/{id}/check-ins", subject).then().statusCode(403);
        Map<String, Object> bad = checkInBody("2026-10-01", Map.of("juggling", "MEETS"));
        given().auth().oauth2(token(manager)).contentType(ContentType.JSON).body(bad)
                .post("/api/v1/people/{id}/check-ins", subject).then().statusCode(400)
                .body("errors[0].field", equalTo("ratings[0].competency"));

        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecords(Topics.EVIDENCE, subject,
                r -> r.stream().anyMatch(e -> e.value().contains(latest))).stream()
                .filter(e -> e.value().contains(latest)).findFirst().orElseThrow();
        EventSchemas.assertValid("org.leveling.evidence.check-in-recorded.v1", event.value());
        assertThat(event.value()).doesNotContain("Notes of the check-in");
    }

    @Test
    void checkInsComeInPagesLatestFirstWithoutDuplicates() {
        List<String> recorded = new ArrayList<>();
        recorded.add(checkIn("2026-03-31", Map.of("influence", "BELOW")));
        recorded.add(checkIn("2026-06-30", Map.of("influence", "MEETS")));
        recorded.add(checkIn("2026-06-30", Map.of("influence", "EXCEEDS"))); // same date: the later recorded first
        recorded.add(checkIn("2026-09-15", Map.of("influence", "MEETS")));
        recorded.add(checkIn("2026-09-30", Map.of("influence", "MEETS")));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token(manager)).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/people/{id}/check-ins", subject).then().statusCode(200).extract()
                    .jsonPath();
            cursor = page.getString("nextCursor");
            assertThat(page.getList("items")).hasSize(cursor == null ? 1 : 2);
            seen.addAll(page.getList("items.id"));
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(recorded.get(4), recorded.get(3), recorded.get(2), recorded.get(1),
                recorded.get(0));

        given().auth().oauth2(token(manager)).queryParam("limit", 101).get("/api/v1/people/{id}/check-ins", subject)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token(manager)).queryParam("cursor", "not a cursor")
                .get("/api/v1/people/{id}/check-ins", subject).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(token(manager)).queryParam("cursor", Cursors.encodeParts("2026-06-30", "yesterday"))
                .get("/api/v1/people/{id}/check-ins", subject).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private String acknowledged(String level, List<String> competencies, String from, String to) {
        String id = submitted(level, competencies, from, to);
        action(manager, id, "acknowledge", null);
        return id;
    }

    private String challenged(String level, List<String> competencies, String from, String to) {
        String id = submitted(level, competencies, from, to);
        action(manager, id, "challenge", Map.of("comment", "Not what I saw"));
        return id;
    }

    private String endorsed(String level, List<String> competencies, String from, String to, int peers) {
        String id = submitted(level, competencies, from, to);
        for (String peer : List.of(peer1, peer2).subList(0, peers)) {
            given().auth().oauth2(token(peer)).contentType(ContentType.JSON).body(Map.of("comment", "Saw it"))
                    .post("/api/v1/evidence/{id}/endorsements", id).then().statusCode(201);
        }
        return id;
    }

    private String submitted(String level, List<String> competencies, String from, String to) {
        String id = create(level, competencies, from, to);
        action(subject, id, "submit", null);
        return id;
    }

    private String draft(String level, List<String> competencies) {
        return create(level, competencies, "2026-03-01", "2026-03-31");
    }

    private String create(String level, List<String> competencies, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", subject);
        body.put("frameworkKey", framework);
        body.put("frameworkVersion", 1);
        body.put("level", level);
        body.put("competencies", competencies);
        body.put("kind", "LAUNCH");
        body.put("title", level + " work " + from);
        body.put("narrative", "What happened");
        body.put("occurredFrom", from);
        body.put("occurredTo", to);
        return given().auth().oauth2(token(subject)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
    }

    private void action(String caller, String id, String action, Map<String, Object> body) {
        var request = given().auth().oauth2(token(caller));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post("/api/v1/evidence/{id}/" + action, id).then().statusCode(200);
    }

    private String checkIn(String date, Map<String, String> ratings) {
        return given().auth().oauth2(token(manager)).contentType(ContentType.JSON).body(checkInBody(date, ratings))
                .post("/api/v1/people/{id}/check-ins", subject).then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> checkInBody(String date, Map<String, String> ratings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date);
        body.put("notes", "Notes of the check-in");
        body.put("frameworkKey", framework);
        body.put("frameworkVersion", 1);
        body.put("targetLevel", "SPM");
        body.put("ratings", ratings.entrySet().stream().map(e -> Map.of("competency", e.getKey(), "rating",
                e.getValue())).toList());
        return body;
    }

    private JsonPath readiness(String target) {
        return given().auth().oauth2(token(subject)).queryParam("targetLevel", target)
                .get("/api/v1/people/{id}/readiness", subject).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> status(JsonPath readiness) {
        List<Map<String, Object>> competencies = readiness.getList("competencies");
        return competencies.stream().map(c -> c.get("competency") + "=" + c.get("status")).toList();
    }

    private static Map<String, Object> competency(JsonPath readiness, String key) {
        List<Map<String, Object>> competencies = readiness.getList("competencies");
        return competencies.stream().filter(c -> key.equals(c.get("competency"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        return (List<String>) map.get(key);
    }

    private static List<String> plus(List<String> list, String more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
    }

    private static String token(String employeeId) {
        return Tokens.forEmployee(employeeId, "employee");
    }
}
