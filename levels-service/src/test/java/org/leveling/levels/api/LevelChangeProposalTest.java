package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.messaging.LevelChangeProposalDecidedV1;
import org.leveling.levels.messaging.LevelChangeProposedV1;
import org.leveling.levels.messaging.LevelChangedV1;
import org.leveling.levels.messaging.Topics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The two-person rule: manual level changes are proposed by one hr-admin and applied by a second, unconflicted one. */
@QuarkusTest
class LevelChangeProposalTest {

    private static final String HR1 = LevelFixture.HR_ADMIN;
    private static final String HR2 = LevelFixture.SECOND_HR_ADMIN;

    @Inject
    DataSource dataSource;

    @Test
    void aPromotionThroughTheApiIsAProposalThatLeavesTheHistoryAsItIs() {
        String framework = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");

        String location = LevelFixture.post(person, framework, 1, "SPM", "2026-07-01", "PROMOTION").then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/level-change-proposals/"))
                .body("status", equalTo("PROPOSED")).body("proposedBy", equalTo("HR1"))
                .body("previousLevel", equalTo("PM")).body("decidedBy", nullValue())
                .body("historyEntryId", nullValue()).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(HR2).get("/api/v1/level-change-proposals/{id}", id).then().statusCode(200)
                .body("employeeId", equalTo(person)).body("level", equalTo("SPM")).body("reason", equalTo("PROMOTION"));
        assertThat(LevelFixture.history(person)).extracting(e -> e.get("level")).containsExactly("PM");
        // One open proposal per person: a second would be approved against the same history.
        LevelFixture.post(person, framework, 1, "PPM", "2026-08-01", "PROMOTION").then().statusCode(409)
                .body("detail", containsString(id));
    }

    @Test
    void theProposerCannotApproveTheirOwnProposal() {
        String framework = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        String proposal = propose(person, framework, "SPM");

        LevelFixture.decide(HR1, proposal, "approve").then().statusCode(403)
                .body("type", equalTo("urn:leveling:problem:forbidden"))
                .body("detail", containsString("Two-person rule"));
        // The same person under a token with other roles is still the proposer.
        LevelFixture.decide(Tokens.forEmployee("HR1", "hr-admin", "manager"), proposal, "approve").then()
                .statusCode(403);
        given().auth().oauth2(HR1).get("/api/v1/level-change-proposals/{id}", proposal).then()
                .body("status", equalTo("PROPOSED"));
        assertThat(LevelFixture.history(person)).hasSize(1);
        assertThat(refusals("HR1", proposal)).contains(403);
    }

    @Test
    void anHrAdminInThePersonsManagementChainOrThePersonCannotDecide() {
        String framework = FrameworkResourceTestLadder.publish();
        String director = LevelFixture.person(null);
        String manager = LevelFixture.person(director);
        String person = LevelFixture.person(manager);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        String proposal = propose(person, framework, "SPM");

        for (String conflicted : List.of(manager, director)) {
            String token = Tokens.forEmployee(conflicted, "hr-admin", "manager");
            LevelFixture.decide(token, proposal, "approve").then().statusCode(403)
                    .body("detail", containsString("management chain"));
            LevelFixture.decide(token, proposal, "reject").then().statusCode(403);
        }
        String self = Tokens.forEmployee(person, "hr-admin");
        LevelFixture.decide(self, proposal, "approve").then().statusCode(403)
                .body("detail", containsString("their own level"));
        LevelFixture.decide(self, proposal, "reject").then().statusCode(403);
        given().auth().oauth2(HR2).get("/api/v1/level-change-proposals/{id}", proposal).then()
                .body("status", equalTo("PROPOSED"));
        assertThat(LevelFixture.history(person)).hasSize(1);
    }

    @Test
    void aSecondHrAdminOutsideTheChainApprovesAndTheChangeIsAppendedAndPublished() {
        String framework = FrameworkResourceTestLadder.publish();
        String manager = LevelFixture.person(null);
        String person = LevelFixture.person(manager);
        LevelFixture.changed(person, framework, "SPM-I", "2025-01-01", "INITIAL");
        String proposal = propose(person, framework, "SPM-II");

        JsonPath approved = LevelFixture.decide(HR2, proposal, "approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("HR2"))
                .body("historyEntryId", notNullValue()).extract().jsonPath();
        List<Map<String, Object>> history = LevelFixture.history(person);
        assertThat(history).hasSize(2);
        assertThat(history.get(1)).containsEntry("level", "SPM-II").containsEntry("reason", "PROMOTION")
                .containsEntry("recordedBy", "HR2").containsEntry("sourceRef", proposal);
        assertThat(((Number) history.get(1).get("id")).longValue()).isEqualTo(approved.getLong("historyEntryId"));
        given().auth().oauth2(HR1).get("/api/v1/people/{id}", person).then()
                .body("currentLevel.level", equalTo("SPM-II"));
        LevelFixture.decide(Tokens.forEmployee("HR3", "hr-admin"), proposal, "approve").then().statusCode(409)
                .body("type", equalTo("urn:leveling:problem:conflict"));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.PEOPLE, person,
                r -> types(r).contains(LevelChangeProposalDecidedV1.TYPE));
        assertThat(types(records)).containsSubsequence(LevelChangeProposedV1.TYPE, LevelChangedV1.TYPE,
                LevelChangeProposalDecidedV1.TYPE);
        JsonPath proposed = payload(records, LevelChangeProposedV1.TYPE);
        assertThat(proposed.getString("proposalId")).isEqualTo(proposal);
        assertThat(proposed.getString("previousLevel")).isEqualTo("SPM-I");
        assertThat(proposed.getString("status")).isEqualTo("PROPOSED");
        JsonPath changed = payloads(records, LevelChangedV1.TYPE).get(1);
        assertThat(changed.getString("level")).isEqualTo("SPM-II");
        assertThat(changed.getString("previousLevel")).isEqualTo("SPM-I");
        assertThat(changed.getLong("historyEntryId")).isEqualTo(approved.getLong("historyEntryId"));
        JsonPath decided = payload(records, LevelChangeProposalDecidedV1.TYPE);
        assertThat(decided.getString("status")).isEqualTo("APPROVED");
        assertThat(decided.getString("proposedBy")).isEqualTo("HR1");
        assertThat(decided.getString("decidedBy")).isEqualTo("HR2");
        assertThat(decided.getLong("historyEntryId")).isEqualTo(approved.getLong("historyEntryId"));

        given().auth().oauth2(HR1).queryParam("resourceType", "level-change-proposal").queryParam("resourceId", proposal)
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.actor", equalTo(List.of("HR2", "HR1")))
                .body("items[0].before.status", equalTo("PROPOSED"))
                .body("items[0].after.status", equalTo("APPROVED"))
                .body("items[1].before", nullValue());
        given().auth().oauth2(HR1).queryParam("resourceType", "level-history").queryParam("resourceId", person)
                .get("/api/v1/audit").then().statusCode(200)
                .body("items[0].actor", equalTo("HR2"))
                .body("items[0].after", endsWith("SPM-II from 2026-07-01 (PROMOTION)"));
    }

    @Test
    void aRejectionChangesNothingAndPublishesTheDecisionWithoutItsReason() {
        String framework = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        String proposal = propose(person, framework, "PPM");

        given().auth().oauth2(HR2).contentType("application/json").body(Map.of("reason", " "))
                .post("/api/v1/level-change-proposals/{id}/reject", proposal).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        LevelFixture.decide(HR2, proposal, "reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("HR2"))
                .body("rejectionReason", equalTo("Not this way: take it to the cycle."))
                .body("historyEntryId", nullValue());
        LevelFixture.decide(Tokens.forEmployee("HR3", "hr-admin"), proposal, "approve").then().statusCode(409);
        LevelFixture.decide(Tokens.forEmployee("HR3", "hr-admin"), proposal, "reject").then().statusCode(409);
        assertThat(LevelFixture.history(person)).extracting(e -> e.get("level")).containsExactly("PM");

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.PEOPLE, person,
                r -> types(r).contains(LevelChangeProposalDecidedV1.TYPE));
        assertThat(types(records)).containsExactly("org.leveling.people.person-upserted.v1", LevelChangedV1.TYPE,
                LevelChangeProposedV1.TYPE, LevelChangeProposalDecidedV1.TYPE);
        JsonPath decided = payload(records, LevelChangeProposalDecidedV1.TYPE);
        assertThat(decided.getString("status")).isEqualTo("REJECTED");
        assertThat(decided.get("historyEntryId") == null).isTrue();
        assertThat(records.get(3).value()).doesNotContain("take it to the cycle");

        // The proposer may withdraw their own proposal the same way, and propose again afterwards.
        String again = propose(person, framework, "SPM");
        LevelFixture.decide(HR1, again, "reject").then().statusCode(200).body("decidedBy", equalTo("HR1"));
    }

    @Test
    void anApprovalThatNoLongerFitsTheHistoryIsAConflictAndChangesNothing() {
        String framework = FrameworkResourceTestLadder.publish();
        String other = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        String stale = propose(person, framework, "SPM");
        // The person's history moves on under the proposal: it was made against another latest entry.
        LevelFixture.changed(person, other, "GPM", "2026-01-01", "INITIAL");

        LevelFixture.decide(HR2, stale, "approve").then().statusCode(409)
                .body("detail", containsString("changed after this proposal"));
        given().auth().oauth2(HR2).get("/api/v1/level-change-proposals/{id}", stale).then()
                .body("status", equalTo("PROPOSED"));
        LevelFixture.decide(HR2, stale, "reject").then().statusCode(200);

        String retired = propose(person, framework, "SPM");
        given().auth().oauth2(HR1).post("/api/v1/frameworks/{key}/versions/1/retire", framework).then()
                .statusCode(200);
        LevelFixture.decide(HR2, retired, "approve").then().statusCode(409)
                .body("errors[0].field", equalTo("frameworkVersion"));
        assertThat(LevelFixture.history(person)).extracting(e -> e.get("level")).containsExactly("PM", "GPM");
    }

    @Test
    void anInitialLevelIsWrittenOncePerPersonAndFramework() {
        String framework = FrameworkResourceTestLadder.publish();
        String other = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.post(person, framework, 1, "PM", "2025-01-01", "INITIAL").then().statusCode(201);

        LevelFixture.post(person, framework, 1, "PPM", "2026-01-01", "INITIAL").then().statusCode(409)
                .body("type", equalTo("urn:leveling:problem:conflict"))
                .body("detail", containsString("already has an INITIAL level"));
        LevelFixture.post(person, other, 1, "GPM", "2026-01-01", "INITIAL").then().statusCode(201);
        assertThat(LevelFixture.history(person)).extracting(e -> e.get("level")).containsExactly("PM", "GPM");
    }

    @Test
    void proposalsAreListedOldestFirstByStatusAndPersonInPages() {
        String framework = FrameworkResourceTestLadder.publish();
        List<String> people = new ArrayList<>();
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String person = LevelFixture.person(null);
            LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
            people.add(person);
            proposals.add(propose(person, framework, "SPM"));
        }
        LevelFixture.decide(HR2, proposals.get(1), "reject").then().statusCode(200);

        given().auth().oauth2(HR2).queryParam("employeeId", people.get(1)).get("/api/v1/level-change-proposals").then()
                .statusCode(200).body("items.id", equalTo(List.of(proposals.get(1))))
                .body("items[0].status", equalTo("REJECTED")).body("nextCursor", nullValue());
        given().auth().oauth2(HR2).queryParam("employeeId", people.get(1)).queryParam("status", "PROPOSED")
                .get("/api/v1/level-change-proposals").then().statusCode(200).body("items", hasSize(0));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(HR2).queryParam("status", "PROPOSED").queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/level-change-proposals").then().statusCode(200)
                    .body("items", hasSize(1)).extract().jsonPath();
            seen.add(page.getString("items[0].id"));
            assertThat(page.getString("items[0].status")).isEqualTo("PROPOSED");
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(proposals.get(0), proposals.get(2))
                .doesNotContain(proposals.get(1));

        given().auth().oauth2(HR2).queryParam("limit", 101).get("/api/v1/level-change-proposals").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(HR2).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/level-change-proposals").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(HR2).queryParam("status", "MAYBE").get("/api/v1/level-change-proposals").then()
                .statusCode(400);
    }

    @Test
    void onlyHrAdminReadsAndDecidesProposals() {
        String framework = FrameworkResourceTestLadder.publish();
        String manager = LevelFixture.person(null);
        String person = LevelFixture.person(manager);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        String proposal = propose(person, framework, "SPM");
        String managerToken = Tokens.forEmployee(manager, "manager");

        given().auth().oauth2(managerToken).get("/api/v1/level-change-proposals").then().statusCode(403);
        given().auth().oauth2(managerToken).get("/api/v1/level-change-proposals/{id}", proposal).then().statusCode(403);
        LevelFixture.decide(managerToken, proposal, "approve").then().statusCode(403);
        given().auth().oauth2(HR2).get("/api/v1/level-change-proposals/{id}", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
        LevelFixture.decide(HR2, "00000000-0000-0000-0000-000000000000", "approve").then().statusCode(404);
    }

    @Test
    void theDatabaseKeepsTheTwoPersonRuleAndADecisionOnce() throws Exception {
        String framework = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.changed(person, framework, "PM", "2025-01-01", "INITIAL");
        String open = propose(person, framework, "SPM");

        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE level_change_proposal SET status = 'REJECTED', decided_by = "
                    + "employee_id, decided_at = now(), rejection_reason = 'x' WHERE id = '" + open + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("level_change_proposal_not_own");
            assertThatThrownBy(() -> sql.execute("UPDATE level_change_proposal SET level_code = 'DIR' WHERE id = '"
                    + open + "'")).isInstanceOf(SQLException.class).hasMessageContaining("never rewritten");
            LevelFixture.decide(HR2, open, "reject").then().statusCode(200);
            assertThatThrownBy(() -> sql.execute("UPDATE level_change_proposal SET status = 'PROPOSED', decided_by = "
                    + "null, decided_at = null, rejection_reason = null WHERE id = '" + open + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never rewritten");
            assertThatThrownBy(() -> sql.execute("DELETE FROM level_change_proposal WHERE id = '" + open + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never rewritten");
            assertThatThrownBy(() -> sql.execute("INSERT INTO level_assignment (employee_id, framework_key, "
                    + "framework_version, level_code, effective_from, reason, recorded_at, recorded_by) VALUES ('"
                    + person + "', '" + framework + "', 1, 'PPM', '2026-01-01', 'INITIAL', now(), 'HR1')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("level_assignment_one_initial");
        }
    }

    private static String propose(String person, String framework, String level) {
        return LevelFixture.post(person, framework, 1, level, "2026-07-01", "PROMOTION").then().statusCode(202)
                .extract().path("id");
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
    }

    private static List<JsonPath> payloads(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream().filter(r -> type.equals(KafkaTestClient.header(r, "ce_type"))).map(r -> {
            EventSchemas.assertValid(type, r.value());
            return JsonPath.from(r.value());
        }).toList();
    }

    private static JsonPath payload(List<ConsumerRecord<String, String>> records, String type) {
        List<JsonPath> all = payloads(records, type);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Statuses of the REFUSED audit rows of {@code actor}'s calls on the proposal. */
    private static List<Integer> refusals(String actor, String proposal) {
        List<Map<String, Object>> rows = given().auth().oauth2(HR2).queryParam("actor", actor).queryParam("limit", 200)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        return rows.stream().filter(r -> "REFUSED".equals(r.get("outcome"))
                && String.valueOf(r.get("action")).contains(proposal)).map(r -> (Integer) r.get("status")).toList();
    }
}
