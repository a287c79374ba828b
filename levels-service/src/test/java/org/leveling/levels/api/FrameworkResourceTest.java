package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.domain.framework.FrameworkDocument;
import org.leveling.levels.domain.framework.FrameworkDocument.Competency;
import org.leveling.levels.domain.framework.FrameworkDocument.Equivalence;
import org.leveling.levels.domain.framework.FrameworkDocument.Expectation;
import org.leveling.levels.domain.framework.FrameworkDocument.ExternalMapping;
import org.leveling.levels.domain.framework.FrameworkDocument.Level;
import org.leveling.levels.domain.framework.FrameworkDocument.SubLevel;
import org.leveling.levels.domain.framework.FrameworkDocument.Track;
import org.leveling.levels.domain.framework.FrameworkDocument.TrackKind;
import org.leveling.levels.messaging.FrameworkPublishedV1;
import org.leveling.levels.messaging.FrameworkRetiredV1;
import org.leveling.levels.messaging.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class FrameworkResourceTest {

    private static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void draftIsPublishedAsAnImmutableVersionAndAnnouncedWithTheWholeDocument() throws Exception {
        String key = create();
        String etag = putDraft(key, "\"1\"", ladder()).then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(HR_ADMIN).post("/api/v1/frameworks/{key}/draft/publish", key).then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/frameworks/" + key + "/versions/1"))
                .body("version", equalTo(1))
                .body("publishedBy", equalTo("HR1"));

        given().auth().oauth2(Tokens.forEmployee("E1", "employee")).get("/api/v1/frameworks/{key}/versions/1", key)
                .then().statusCode(200)
                .body("document.levels.code", hasItem("SPM"))
                .body("document.levels.find { it.code == 'SPM' }.subLevels.code", hasItem("SPM-II"));
        given().auth().oauth2(HR_ADMIN).put("/api/v1/frameworks/{key}/versions/1", key).then()
                .statusCode(409).contentType("application/problem+json");
        assertThat(etag).isEqualTo("\"2\"");

        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecords(Topics.FRAMEWORKS, key,
                r -> !r.isEmpty()).get(0);
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(FrameworkPublishedV1.TYPE);
        EventSchemas.assertValid(FrameworkPublishedV1.TYPE, event.value());
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("version").asInt()).isEqualTo(1);
        assertThat(payload.at("/document/expectations").size()).isEqualTo(ladder().expectations().size());
    }

    @Test
    void theNextVersionStartsFromTheLatestAndRetiredVersionsStayReadable() throws Exception {
        String key = create();
        putDraft(key, "\"1\"", ladder()).then().statusCode(200);
        publish(key).then().statusCode(201);
        Response draft = given().auth().oauth2(HR_ADMIN).get("/api/v1/frameworks/{key}/draft", key);
        assertThat(draft.jsonPath().getList("document.levels.code")).contains("PM", "SPM", "PPM", "GPM", "DIR");

        FrameworkDocument next = with(ladder(), d -> new FrameworkDocument(d.tracks(), d.levels(), d.competencies(),
                d.expectations(), d.equivalences(), List.of()));
        putDraft(key, draft.header("ETag"), next).then().statusCode(200);
        publish(key).then().statusCode(201).body("version", equalTo(2));

        given().auth().oauth2(HR_ADMIN).get("/api/v1/frameworks/{key}/versions/1", key).then()
                .statusCode(200).body("retiredAt", equalTo(null));
        given().auth().oauth2(HR_ADMIN).post("/api/v1/frameworks/{key}/versions/1/retire", key).then()
                .statusCode(200).body("retiredAt", notNullValue());
        given().auth().oauth2(HR_ADMIN).get("/api/v1/frameworks/{key}/versions/1", key).then()
                .statusCode(200).body("retiredAt", notNullValue()).body("document.levels.code", hasItem("SPM"));
        given().auth().oauth2(HR_ADMIN).post("/api/v1/frameworks/{key}/versions/1/retire", key).then()
                .statusCode(409);
        given().auth().oauth2(Tokens.forEmployee("E1", "employee")).get("/api/v1/frameworks/{key}", key).then()
                .statusCode(200).body("latestVersion", equalTo(2)).body("versions.size()", equalTo(2))
                .body("versions[0].retiredAt", notNullValue()).body("versions[1].retiredAt", equalTo(null));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.FRAMEWORKS, key,
                r -> r.size() >= 3);
        assertThat(events).extracting(e -> KafkaTestClient.header(e, "ce_type"))
                .containsExactly(FrameworkPublishedV1.TYPE, FrameworkPublishedV1.TYPE, FrameworkRetiredV1.TYPE);
        EventSchemas.assertValid(FrameworkRetiredV1.TYPE, events.get(2).value());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAPublishedVersion() throws Exception {
        String key = create();
        putDraft(key, "\"1\"", ladder()).then().statusCode(200);
        publish(key).then().statusCode(201);

        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE framework_version SET document = '{}' WHERE framework_key = '"
                    + key + "'")).isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> sql.execute("DELETE FROM framework_version WHERE framework_key = '" + key + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot be deleted");
            assertThatThrownBy(() -> sql.execute("TRUNCATE framework_version CASCADE"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot be deleted");
        }
    }

    @Test
    void diffListsAddedRemovedAndChangedLevelsCompetenciesAndExpectations() {
        String key = create();
        putDraft(key, "\"1\"", ladder()).then().statusCode(200);
        publish(key).then().statusCode(201);
        FrameworkDocument next = with(ladder(), d -> {
            List<Level> levels = new ArrayList<>(d.levels());
            levels.set(1, new Level("SPM", "Senior PM", "ic", 2, "Owns a workstream and its strategy.",
                    levels.get(1).subLevels()));
            levels.add(new Level("SDIR", "Senior Director", "management", 3, "Leads the product org.", List.of()));
            List<Competency> competencies = List.of(d.competencies().get(0),
                    new Competency("influence", "Influence", "Moves people without authority."));
            List<Expectation> expectations = List.of(
                    new Expectation("PM", "product-definition", "Writes clear specs and validates them with users.",
                            d.expectations().get(0).examples()),
                    d.expectations().get(1),
                    new Expectation("SDIR", "influence", "Aligns the company behind the product strategy.", List.of()));
            return new FrameworkDocument(d.tracks(), levels, competencies, expectations, d.equivalences(),
                    d.externalMappings());
        });
        putDraft(key, "\"2\"", next).then().statusCode(200);
        publish(key).then().statusCode(201);

        given().auth().oauth2(Tokens.forEmployee("E1", "employee"))
                .get("/api/v1/frameworks/{key}/versions/1/diff/2", key).then().statusCode(200)
                .body("levels.added", equalTo(List.of("SDIR")))
                .body("levels.removed", equalTo(List.of()))
                .body("levels.changed[0].id", equalTo("SPM"))
                .body("levels.changed[0].fields", equalTo(List.of("title")))
                .body("competencies.added", equalTo(List.of("influence")))
                .body("competencies.removed", equalTo(List.of("communication")))
                .body("expectations.added", equalTo(List.of("SDIR/influence")))
                .body("expectations.removed", equalTo(List.of("SPM/communication")))
                .body("expectations.changed[0].id", equalTo("PM/product-definition"))
                .body("expectations.changed[0].fields", equalTo(List.of("description")));
    }

    @Test
    void successGuideShowsTheLevelsExpectationsAndWhatChangesFromTheLevelBelow() {
        String key = create();
        putDraft(key, "\"1\"", ladder()).then().statusCode(200);
        publish(key).then().statusCode(201);

        given().auth().oauth2(Tokens.forEmployee("E1", "employee"))
                .get("/api/v1/frameworks/{key}/versions/1/levels/SPM/guide", key).then().statusCode(200)
                .body("level.summary", equalTo("Owns a workstream and its strategy."))
                .body("levelBelow.code", equalTo("PM"))
                .body("expectations.competency", equalTo(List.of("product-definition", "communication")))
                .body("changesFromLevelBelow.size()", equalTo(2))
                .body("changesFromLevelBelow[0].below", equalTo("Writes clear specs for a feature."))
                .body("changesFromLevelBelow[0].atThisLevel", equalTo("Sets the strategy of a workstream."))
                .body("changesFromLevelBelow[1].below", equalTo(null));
        given().auth().oauth2(Tokens.forEmployee("E1", "employee"))
                .get("/api/v1/frameworks/{key}/versions/1/levels/NOPE/guide", key).then().statusCode(404);
    }

    @Test
    void draftWritesNeedTheCurrentETag() {
        String key = create();
        putDraft(key, null, ladder()).then().statusCode(428).contentType("application/problem+json");
        putDraft(key, "\"1\"", ladder()).then().statusCode(200);
        putDraft(key, "\"1\"", ladder()).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(HR_ADMIN).get("/api/v1/frameworks/{key}/draft", key).then().header("ETag", "\"2\"");
    }

    @Test
    void aDraftIsWrittenAsTheBareDocumentAndReadBackInItsEnvelope() {
        String key = create();
        // The response's envelope sent back as a request is refused, naming the fields it does not know.
        Map<String, Object> envelope = Map.of("frameworkKey", key, "revision", 1, "document", ladder());
        given().auth().oauth2(HR_ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(envelope)
                .put("/api/v1/frameworks/{key}/draft", key).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.in(List.of("frameworkKey", "revision", "document"))));

        putDraft(key, "\"1\"", ladder()).then().statusCode(200).header("ETag", "\"2\"")
                .body("frameworkKey", equalTo(key)).body("revision", equalTo(2))
                .body("document.levels.code", equalTo(List.of("PM", "SPM", "PPM", "GPM", "DIR")));
        given().auth().oauth2(HR_ADMIN).get("/api/v1/frameworks/{key}/draft", key).then().statusCode(200)
                .body("revision", equalTo(2)).body("document.tracks.key", equalTo(List.of("ic", "management")));
    }

    @Test
    void theSampleProductManagementLadderIsValidAndItsLevelsReallyDiffer() throws Exception {
        String key = create();
        String sample = Files.readString(Path.of(System.getProperty("leveling.root.dir"),
                "deploy/local/sample-framework.json"));
        given().auth().oauth2(HR_ADMIN).header("If-Match", "*").contentType(ContentType.JSON).body(sample)
                .put("/api/v1/frameworks/{key}/draft", key).then().statusCode(200);
        publish(key).then().statusCode(201);

        Response guide = given().auth().oauth2(HR_ADMIN)
                .get("/api/v1/frameworks/{key}/versions/1/levels/SPM/guide", key);
        guide.then().statusCode(200).body("levelBelow.code", equalTo("PM"));
        assertThat(guide.jsonPath().getList("expectations")).hasSize(9);
        assertThat(guide.jsonPath().getList("changesFromLevelBelow")).as("every competency changes from PM to SPM")
                .hasSize(9);
    }

    @Test
    void anEmptyDraftCannotBePublished() {
        publish(create()).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnchangedDraftIsNotPublishedAgain() {
        String key = create();
        putDraft(key, "*", ladder()).then().statusCode(200);
        publish(key).then().statusCode(201);

        publish(key).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("identical"));
    }

    @Test
    void onlyHrAdminEditsFrameworks() {
        String key = create();
        String manager = Tokens.forEmployee("E2", "manager");
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("key", "x-" + key, "name", "X", "jobFamily", "x")).post("/api/v1/frameworks").then()
                .statusCode(403);
        given().auth().oauth2(manager).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(ladder())
                .put("/api/v1/frameworks/{key}/draft", key).then().statusCode(403);
        given().auth().oauth2(manager).post("/api/v1/frameworks/{key}/draft/publish", key).then().statusCode(403);
        given().auth().oauth2(manager).get("/api/v1/frameworks/{key}", key).then().statusCode(200);
    }

    @Test
    void aDuplicateKeyIsAConflict() {
        String key = create();
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Again", "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(409);
    }

    @Test
    void duplicateKeysAndCodesAreEachLocated() {
        FrameworkDocument doc = with(ladder(), d -> {
            List<Level> levels = new ArrayList<>(d.levels());
            levels.set(1, new Level("PM", "Duplicate code", "ic", 2, "Summary", List.of()));
            List<Competency> competencies = new ArrayList<>(d.competencies());
            competencies.add(new Competency("communication", "Again", "Twice"));
            List<Track> tracks = new ArrayList<>(d.tracks());
            tracks.add(new Track("ic", "Again", TrackKind.IC));
            return new FrameworkDocument(tracks, levels, competencies, d.expectations(), List.of(), List.of());
        });

        assertViolations(doc, "levels[1].code", "competencies[2].key", "tracks[2].key");
    }

    @Test
    void levelsMustBeOrderedWithoutGapsOrDuplicatesPerTrack() {
        FrameworkDocument gap = with(ladder(), d -> replaceLevel(d, 2, l -> new Level(l.code(), l.title(), l.track(), 4,
                l.summary(), l.subLevels())));
        FrameworkDocument twice = with(ladder(), d -> replaceLevel(d, 2, l -> new Level(l.code(), l.title(), l.track(), 2,
                l.summary(), l.subLevels())));

        assertViolations(gap, "levels[2].order");
        assertViolations(twice, "levels[2].order");
    }

    @Test
    void referencesMustPointAtExistingLevelsTracksAndCompetencies() {
        FrameworkDocument doc = with(ladder(), d -> new FrameworkDocument(d.tracks(),
                replaceLevel(d, 0, l -> new Level(l.code(), l.title(), "no-track", 1, l.summary(), l.subLevels())).levels(),
                d.competencies(),
                List.of(new Expectation("NOPE", "communication", "x", List.of()),
                        new Expectation("PM", "no-such-competency", "x", List.of())),
                List.of(new Equivalence("PPM", "NOPE")),
                List.of(new ExternalMapping("Acme", "PM III", "NOPE", null, null))));

        assertViolations(doc, "levels[0].track", "expectations[0].level", "expectations[1].competency",
                "equivalences[0].equivalentLevel", "externalMappings[0].level");
    }

    @Test
    void equivalencesMustJoinDifferentTracksAndExpectationsMustNotRepeat() {
        FrameworkDocument doc = with(ladder(), d -> {
            List<Expectation> expectations = new ArrayList<>(d.expectations());
            expectations.add(d.expectations().get(0));
            return new FrameworkDocument(d.tracks(), d.levels(), d.competencies(), expectations,
                    List.of(new Equivalence("PM", "SPM")), d.externalMappings());
        });

        assertViolations(doc, "equivalences[0]", "expectations[" + ladder().expectations().size() + "]");
    }

    @Test
    void fieldShapesAreValidatedWithTheirPath() {
        FrameworkDocument doc = with(ladder(), d -> replaceLevel(d, 0, l -> new Level("bad code!", " ", l.track(),
                l.order(), l.summary(), l.subLevels())));

        assertViolations(doc, "levels[0].code", "levels[0].title");
    }

    @Test
    void anInvalidDraftChangesNothing() {
        String key = create();
        FrameworkDocument invalid = with(ladder(), d -> new FrameworkDocument(d.tracks(), d.levels(), d.competencies(),
                d.expectations(), List.of(new Equivalence("PM", "SPM")), d.externalMappings()));
        putDraft(key, "\"1\"", invalid).then().statusCode(400);

        given().auth().oauth2(HR_ADMIN).get("/api/v1/frameworks/{key}/draft", key).then()
                .header("ETag", "\"1\"").body("document.levels.size()", equalTo(0));
    }

    private void assertViolations(FrameworkDocument document, String... fields) {
        String key = create();
        Response response = putDraft(key, "\"1\"", document);
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).contains(fields);
    }

    private static String create() {
        String key = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Product Management", "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(201);
        return key;
    }

    private static Response putDraft(String key, String ifMatch, FrameworkDocument document) {
        var request = given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(document);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/frameworks/{key}/draft", key);
    }

    private static Response publish(String key) {
        return given().auth().oauth2(HR_ADMIN).post("/api/v1/frameworks/{key}/draft/publish", key);
    }

    private static FrameworkDocument with(FrameworkDocument document, UnaryOperator<FrameworkDocument> change) {
        return change.apply(document);
    }

    private static FrameworkDocument replaceLevel(FrameworkDocument d, int index, UnaryOperator<Level> change) {
        List<Level> levels = new ArrayList<>(d.levels());
        levels.set(index, change.apply(levels.get(index)));
        return new FrameworkDocument(d.tracks(), levels, d.competencies(), d.expectations(), d.equivalences(),
                d.externalMappings());
    }

    /** A small but complete Product Management ladder. */
    static FrameworkDocument ladder() {
        return new FrameworkDocument(
                List.of(new Track("ic", "Individual contributor", TrackKind.IC),
                        new Track("management", "Management", TrackKind.MANAGEMENT)),
                List.of(new Level("PM", "Product Manager", "ic", 1, "Owns a feature area end to end.", List.of()),
                        new Level("SPM", "Senior Product Manager", "ic", 2, "Owns a workstream and its strategy.",
                                List.of(new SubLevel("SPM-I", "Senior Product Manager I"),
                                        new SubLevel("SPM-II", "Senior Product Manager II"))),
                        new Level("PPM", "Principal Product Manager", "ic", 3, "Shapes a product line.", List.of()),
                        new Level("GPM", "Group Product Manager", "management", 1, "Leads a team of PMs.", List.of()),
                        new Level("DIR", "Director of Product", "management", 2, "Leads product lines.", List.of())),
                List.of(new Competency("product-definition", "Product definition", "Defines what to build and why."),
                        new Competency("communication", "Communication", "Makes the complex clear.")),
                List.of(new Expectation("PM", "product-definition", "Writes clear specs for a feature.",
                                List.of("Shipped a spec that engineering built without rework")),
                        new Expectation("SPM", "product-definition", "Sets the strategy of a workstream.",
                                List.of("At least one meaningful launch", "Manages dependencies across product lines")),
                        new Expectation("SPM", "communication", "Coaches other PMs informally.", List.of())),
                List.of(new Equivalence("PPM", "DIR")),
                List.of(new ExternalMapping("Acme Corp", "Product Manager III", "SPM", "levels.fyi 2026", null)));
    }
}
