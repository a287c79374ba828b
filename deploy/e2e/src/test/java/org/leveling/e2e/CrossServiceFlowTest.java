package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.CommitteeUi;
import org.leveling.common.testing.EventStreamClient;
import org.leveling.common.testing.Tokens;
import org.openqa.selenium.By;

import io.restassured.http.ContentType;

/** Flows that cross services, observed from outside: HTTP in, Kafka between, each service's schema. */
class CrossServiceFlowTest {

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
    }

    /**
     * Once a consumer has caught up, its group's committed offsets equal the end offsets, although the
     * relay's transactional producer writes a marker after every transaction: lag reads 0.
     */
    @Test
    void consumerLagReachesZeroOnceCaughtUpPastTransactionMarkers() throws Exception {
        String person = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        upsert(person, "Kathleen Booth", null);
        for (String schema : new String[] {"evidence", "promotion"}) {
            await().atMost(Duration.ofSeconds(60)).until(() -> managerInDirectory(schema, person).isPresent());
        }
        try (Admin admin = ConsumerLag.admin()) {
            for (String group : new String[] {"evidence-service.v3", "promotion-service.v3"}) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ConsumerLag.of(admin, group,
                        "leveling.levels.people")).as("lag of %s", group).isZero());
            }
        }
    }

    @Test
    void thePlatformsDatabaseCommitsDurably() throws Exception {
        try (Connection db = platform.database(); Statement show = db.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet value = show.executeQuery("SHOW " + setting)) {
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void personUpsertedInLevelsServiceAppearsInBothOtherServicesReadModels() {
        String manager = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String report = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        upsert(manager, "Margaret Hamilton", null);
        upsert(report, "Don Eyles", manager);

        for (String schema : new String[] {"evidence", "promotion"}) {
            String managerSeen = await().atMost(Duration.ofSeconds(60))
                    .until(() -> managerInDirectory(schema, report), Optional::isPresent).orElseThrow();
            assertThat(managerSeen).as("manager of %s in %s's read model", report, schema).isEqualTo(manager);
        }
    }

    /**
     * The packet saga across the three services, from HTTP calls only: levels-service publishes the
     * ladder, people and a level; evidence-service gets attested evidence; promotion-service takes a
     * nomination to its committee, evidence-service answers with the packet, the case enters review
     * and the committee can read the candidate's evidence — until levels-service moves the candidate
     * under a member, who is then off the case in promotion-service and whose committee grant ends in
     * evidence-service.
     */
    @Test
    void aSubmittedNominationIsAnsweredByEvidenceServicesPacketAndEntersReview() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String framework = "e2e-pm-" + run;
        String orgUnit = "E2E Payments " + run;
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        String levels = platform.url("levels-service");
        given().baseUri(levels).auth().oauth2(hr).contentType(ContentType.JSON)
                .body(Map.of("key", framework, "name", "Product Management", "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(201);
        given().baseUri(levels).auth().oauth2(hr).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Files.readString(Path.of(System.getProperty("leveling.root.dir"),
                        "deploy/local/sample-framework.json")))
                .put("/api/v1/frameworks/{key}/draft", framework).then().statusCode(200);
        given().baseUri(levels).auth().oauth2(hr).post("/api/v1/frameworks/{key}/draft/publish", framework).then()
                .statusCode(201);
        String director = "D-" + run;
        String manager = "M-" + run;
        String candidate = "C-" + run;
        String chair = "X-" + run;
        String member = "Y-" + run;
        upsert(director, "Director", null, orgUnit);
        upsert(manager, "Manager", director, orgUnit);
        upsert(candidate, "Candidate", manager, orgUnit);
        upsert(chair, "Chair", director, orgUnit);
        upsert(member, "Member", director, orgUnit);
        given().baseUri(levels).auth().oauth2(hr).contentType(ContentType.JSON)
                .body(Map.of("frameworkKey", framework, "frameworkVersion", 1, "level", "PM", "effectiveFrom",
                        "2025-01-01", "reason", "INITIAL"))
                .post("/api/v1/people/{id}/level-history", candidate).then().statusCode(201);

        String evidence = platform.url("evidence-service");
        String managerToken = Tokens.forEmployee(manager, "manager");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(evidence).auth().oauth2(managerToken)
                .queryParam("targetLevel", "SPM").get("/api/v1/people/{id}/readiness", candidate).statusCode() == 200);
        Map<String, Object> piece = new HashMap<>();
        piece.put("subjectId", candidate);
        piece.put("frameworkKey", framework);
        piece.put("frameworkVersion", 1);
        piece.put("level", "SPM");
        piece.put("competencies", List.of("product-definition", "influence"));
        piece.put("kind", "LAUNCH");
        piece.put("title", "Launched instant payouts");
        piece.put("narrative", "Owned it from discovery to launch.");
        piece.put("occurredFrom", "2026-03-01");
        piece.put("occurredTo", "2026-05-15");
        String evidenceId = given().baseUri(evidence).auth().oauth2(Tokens.forEmployee(candidate, "employee"))
                .contentType(ContentType.JSON).body(piece).queryParam("submit", true).post("/api/v1/evidence").then()
                .statusCode(201).extract().path("id");
        given().baseUri(evidence).auth().oauth2(managerToken).post("/api/v1/evidence/{id}/acknowledge", evidenceId)
                .then().statusCode(200);

        String promotion = platform.url("promotion-service");
        Map<String, Object> cycle = Map.of("name", "E2E cycle", "frameworkKey", framework, "orgUnits", List.of(orgUnit),
                "windows", Map.of("nominationsFrom", "2026-11-01", "nominationsTo", "2026-11-30", "reviewFrom",
                        "2026-12-01", "reviewTo", "2026-12-15", "calibrationFrom", "2026-12-16", "calibrationTo",
                        "2026-12-20"));
        String cycleId = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth()
                .oauth2(hr).contentType(ContentType.JSON).body(cycle).post("/api/v1/cycles"),
                r -> r.statusCode() == 201).path("id");
        // 400 until promotion-service's people read model has the members.
        Map<String, Object> committee = Map.of("name", "Committee", "orgUnits", List.of(orgUnit), "quorum", 2,
                "members", List.of(Map.of("employeeId", chair, "role", "CHAIR"), Map.of("employeeId", member, "role",
                        "MEMBER"), Map.of("employeeId", director, "role", "MEMBER")));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth().oauth2(hr)
                .contentType(ContentType.JSON).body(committee).post("/api/v1/cycles/{id}/committees", cycleId)
                .statusCode() == 201);
        given().baseUri(promotion).auth().oauth2(hr).contentType(ContentType.JSON)
                .body(Map.of("action", "OPEN_NOMINATIONS")).post("/api/v1/cycles/{id}/transitions", cycleId).then()
                .statusCode(200);
        // 400 (no level) or 403 (chain unknown) until promotion-service's read models have the candidate.
        Map<String, Object> nominate = Map.of("cycleId", cycleId, "candidateId", candidate, "targetLevel", "SPM",
                "justification", "Ready");
        String nomination = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth()
                .oauth2(managerToken).contentType(ContentType.JSON).body(nominate).post("/api/v1/nominations"),
                r -> r.statusCode() == 201).path("id");
        given().baseUri(promotion).auth().oauth2(managerToken).post("/api/v1/nominations/{id}/submit", nomination)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().baseUri(promotion).auth()
                .oauth2(hr).get("/api/v1/nominations/{id}", nomination).path("status")));
        String chairToken = Tokens.forEmployee(chair, "employee", "committee");
        var packet = given().baseUri(promotion).auth().oauth2(chairToken)
                .get("/api/v1/nominations/{id}/packet", nomination).then().statusCode(200).extract().jsonPath();
        assertThat(packet.getList("evidence.evidenceId")).containsExactly(evidenceId);
        assertThat(packet.getString("verdict")).isEqualTo("INSUFFICIENT_EVIDENCE");
        given().baseUri(evidence).auth().oauth2(chairToken).get("/api/v1/evidence/{id}", evidenceId).then()
                .statusCode(200);

        // The org chart changes in levels-service: the candidate now reports to the member. promotion-service
        // takes the member off the case (eligibility-changed), and evidence-service ends their committee grant.
        String memberToken = Tokens.forEmployee(member, "employee", "committee");
        given().baseUri(evidence).auth().oauth2(memberToken).get("/api/v1/evidence/{id}", evidenceId).then()
                .statusCode(200);
        given().baseUri(levels).auth().oauth2(hr).contentType(ContentType.JSON).body(Map.of("name", "Candidate",
                "email", candidate.toLowerCase() + "@example.com", "managerId", member, "orgUnit", orgUnit))
                .put("/api/v1/people/{id}", candidate).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(chair).equals(given().baseUri(promotion).auth()
                .oauth2(hr).get("/api/v1/nominations/{id}", nomination).path("eligibleMembers")));
        // The member now reads the evidence as the candidate's manager; the committee grant itself has ended.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(evidence).auth().oauth2(hr)
                .queryParam("resourceType", "committee-grant").queryParam("resourceId", nomination + "/" + member)
                .get("/api/v1/audit").jsonPath().getList("items").size() == 1);
        given().baseUri(promotion).auth().oauth2(memberToken).contentType(ContentType.JSON)
                .body(Map.of("choice", "APPROVE", "rationale", "Read the packet"))
                .put("/api/v1/nominations/{id}/votes/mine", nomination).then().statusCode(403);
        given().baseUri(evidence).auth().oauth2(chairToken).get("/api/v1/evidence/{id}", evidenceId).then()
                .statusCode(200);
        given().baseUri(evidence).auth().oauth2(Tokens.forEmployee(director, "manager"))
                .get("/api/v1/evidence/{id}", evidenceId).then().statusCode(200);
    }

    /**
     * The whole loop on the sample data: ladder, people, levels and evidence as deploy/local loads them →
     * a cycle for Product - Payments → E220 nominates E300 (SPM-II) for PPM → evidence-service's packet →
     * blind votes → the chair's decision → levels-service's history shows the promotion, promotion-service
     * learns the new level back, and the committee's access to E300's evidence ends.
     */
    private static final Duration LIVE = Duration.ofSeconds(10);

    @Test
    void fromTheSampleDataANominationIsVotedDecidedAndChangesTheCandidatesLevel() throws Exception {
        SampleData.load(platform);
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        String promotion = platform.url("promotion-service");
        String cycleId = SamplePromotion.openPaymentsCycle(promotion, "2026 H2 Payments");
        String nomination = SamplePromotion.submitNominationOfE300(promotion, cycleId);
        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().baseUri(promotion).auth()
                .oauth2(hr).get("/api/v1/nominations/{id}", nomination).path("status")));
        var packet = given().baseUri(promotion).auth().oauth2(SampleData.as("E230"))
                .get("/api/v1/nominations/{id}/packet", nomination).then().statusCode(200).extract().jsonPath();
        assertThat(packet.getList("evidence")).hasSize(4); // the four acknowledged pieces; the draft does not count
        aCommitteeMemberReadsTheEvidenceItselfInThePacketView(promotion, nomination);
        SamplePromotion.transition(promotion, cycleId, "START_REVIEW");

        SamplePromotion.vote(promotion, nomination, "E313", "APPROVE").then().statusCode(201);
        given().baseUri(promotion).auth().oauth2(SampleData.as("E230")).get("/api/v1/nominations/{id}/votes",
                nomination).then().statusCode(200).body("visible", equalTo(false));
        SamplePromotion.vote(promotion, nomination, "E317", "REJECT").then().statusCode(201);
        SamplePromotion.vote(promotion, nomination, "E230", "APPROVE").then().statusCode(201);
        given().baseUri(promotion).auth().oauth2(SampleData.as("E300")).get("/api/v1/nominations/{id}/votes",
                nomination).then().statusCode(404);
        // A second promotion-service instance: a dashboard connected to it hears of a decision the first
        // instance commits, as one connected to the first does (each instance's feed reads every partition).
        ServiceProcess promotionB = ServiceProcess.launch(Path.of(System.getProperty("leveling.root.dir")),
                "promotion-service", "promotion-service-b",
                platform.serviceEnvironment());
        promotionB.awaitReady();
        String dashboard = "/api/v1/cycles/" + cycleId + "/calibration/changes";
        LocalDate effective = LocalDate.now().plusDays(3);
        String decisionId;
        try (EventStreamClient onA = EventStreamClient.open(URI.create(promotion + dashboard), SampleData.as("E313"));
                EventStreamClient onB = EventStreamClient.open(URI.create(promotionB.baseUrl() + dashboard),
                        SampleData.as("E313"))) {
            assertThat(onA.next(LIVE).data().path("change").asText()).isEqualTo("CONNECTED");
            assertThat(onB.next(LIVE).data().path("change").asText()).isEqualTo("CONNECTED");
            long decided = System.nanoTime();
            decisionId = given().baseUri(promotion).auth().oauth2(SampleData.as("E230"))
                    .contentType(ContentType.JSON).body(SamplePromotion.promotedDecision(effective))
                    .post("/api/v1/nominations/{id}/decisions", nomination)
                    .then().statusCode(201).body("override", equalTo(false)).extract().path("id");
            long committed = System.nanoTime();
            EventStreamClient.Received heardOnA = onA.nextWithout("change", "HEARTBEAT", LIVE);
            EventStreamClient.Received heardOnB = onB.nextWithout("change", "HEARTBEAT", LIVE);
            assertThat(heardOnA.data().path("change").asText()).isEqualTo("DECIDED");
            assertThat(heardOnB.data().path("change").asText()).isEqualTo("DECIDED");
            System.out.printf("[live] decision answered in %d ms; dashboards told after %d ms (instance A) and "
                    + "%d ms (instance B)%n", (committed - decided) / 1_000_000,
                    (heardOnA.arrivedNanos() - committed) / 1_000_000, (heardOnB.arrivedNanos() - committed) / 1_000_000);
        } finally {
            promotionB.stop();
        }

        String levels = platform.url("levels-service");
        List<Map<String, Object>> history = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .baseUri(levels).auth().oauth2(hr).get("/api/v1/people/E300/level-history").jsonPath()
                .<Map<String, Object>>getList("items"), h -> h.size() == 2);
        assertThat(history.get(1)).containsEntry("level", "PPM").containsEntry("reason", "PROMOTION")
                .containsEntry("sourceRef", decisionId).containsEntry("effectiveFrom", effective.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> levelInDirectory("promotion", "E300").equals("PPM"));
        String evidence = platform.url("evidence-service");
        String anyPiece = packet.getString("evidence[0].evidenceId");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(evidence).auth()
                .oauth2(SampleData.as("E313")).get("/api/v1/evidence/{id}", anyPiece).statusCode() == 404);
    }

    /** The level the schema's people read model holds for the person's latest history entry ("" when none). */
    private static String levelInDirectory(String schema, String employeeId) throws SQLException {
        try (Connection db = platform.database();
                PreparedStatement query = db.prepareStatement("SELECT level_code FROM " + schema
                        + ".directory_level WHERE employee_id = ? ORDER BY effective_from DESC, history_entry_id DESC"
                        + " LIMIT 1")) {
            query.setString(1, employeeId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }

    /**
     * The chair opens the case in the committee UI: next to the readiness table, each evidence item's
     * narrative, links, acknowledgement and endorsements, read by the browser from evidence-service with
     * the chair's own token (CORS, CSP connect-src), since the packet itself carries no narratives.
     */
    private static void aCommitteeMemberReadsTheEvidenceItselfInThePacketView(String promotion, String nomination) {
        try (CommitteeUi ui = CommitteeUi.start()) {
            ui.signIn(promotion + "/ui/", SampleData.as("E230"));
            ui.js("openCase('" + nomination + "');");
            ui.waitUntil(() -> ui.browser().findElements(By.cssSelector("#packet-evidence .narrative")).size() == 4,
                    Duration.ofSeconds(20));
            String packetView = ui.text("packet");
            assertThat(packetView).contains("Owned instant payouts from discovery to launch")
                    .contains("https://wiki.example.com/payments/instant-payouts")
                    .contains("acknowledged by E220").contains("Matches what I saw.")
                    .contains("Endorsements (2)").contains("E301").contains("I worked on this with them.")
                    .doesNotContain("Narrative not available");
            assertThat(ui.browser().findElement(By.linkText("https://wiki.example.com/payments/instant-payouts"))
                    .getAttribute("rel")).isEqualTo("noopener noreferrer");
            ui.screenshot("packet-view-evidence.png");
        }
    }

    private static void upsert(String id, String name, String managerId) {
        upsert(id, name, managerId, null);
    }

    private static void upsert(String id, String name, String managerId, String orgUnit) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", id.toLowerCase() + "@example.com");
        body.put("managerId", managerId);
        body.put("orgUnit", orgUnit);
        given().baseUri(platform.url("levels-service")).auth().oauth2(Tokens.forEmployee("HR1", "hr-admin"))
                .contentType(ContentType.JSON).body(body)
                .put("/api/v1/people/{id}", id).then().statusCode(201);
    }

    /** Empty until the person is in the schema's read model; then their manager id (or ""). */
    private static Optional<String> managerInDirectory(String schema, String employeeId) throws SQLException {
        try (Connection db = platform.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT coalesce(manager_id, '') FROM " + schema + ".directory_person WHERE employee_id = ?")) {
            query.setString(1, employeeId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
