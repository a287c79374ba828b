package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import org.leveling.common.testing.Upstream;
import org.leveling.promotion.messaging.CommitteeAssignedV1;
import org.leveling.promotion.messaging.Topics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CommitteeTest {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    String cycle;
    String chair;
    String member;
    String other;

    @BeforeEach
    void cycleWithPeople() throws Exception {
        Upstream upstream = new Upstream(catalog, people);
        String framework = upstream.publishSampleFramework();
        chair = Upstream.id("chair");
        member = Upstream.id("member");
        other = Upstream.id("other");
        upstream.people(List.of(new String[] {chair, null}, new String[] {member, chair}, new String[] {other, chair}));
        Map<String, Object> windows = Map.of("nominationsFrom", "2026-11-01", "nominationsTo", "2026-11-30",
                "reviewFrom", "2026-12-01", "reviewTo", "2026-12-15", "calibrationFrom", "2026-12-16",
                "calibrationTo", "2026-12-20");
        cycle = given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("name", "H2",
                "frameworkKey", framework, "orgUnits", List.of("Payments", "Growth"), "windows", windows))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCommitteeReviewsOrgUnitsNoOtherCommitteeOfTheCycleCovers() {
        String id = assign(committee(List.of("Payments"), 2, chair, member)).then().statusCode(201)
                .body("members.role", containsInAnyOrder("CHAIR", "MEMBER")).extract().path("id");
        assign(committee(List.of("Payments", "Growth"), 1, other)).then().statusCode(409)
                .body("detail", containsString("Payments"));
        assign(committee(List.of("Growth"), 1, other)).then().statusCode(201);
        given().auth().oauth2(Tokens.forEmployee(member, "employee")).get("/api/v1/cycles/{id}/committees", cycle)
                .then().statusCode(200).body("orgUnits", equalTo(List.of(List.of("Payments"), List.of("Growth"))));

        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, cycle,
                r -> r.stream().anyMatch(e -> e.value().contains(id))).stream()
                .filter(e -> e.value().contains(id)).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(CommitteeAssignedV1.TYPE);
        EventSchemas.assertValid(CommitteeAssignedV1.TYPE, event.value());
    }

    @Test
    void aCommitteeNeedsOneChairKnownMembersAndAQuorumTheyCanMeet() {
        Map<String, Object> body = committee(List.of("Payments", "Elsewhere"), 3, chair, member);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) body.get("members");
        members.get(1).put("role", "CHAIR");
        members.add(new LinkedHashMap<>(Map.of("employeeId", "nobody-here", "role", "MEMBER")));
        members.add(new LinkedHashMap<>(Map.of("employeeId", member, "role", "MEMBER")));
        body.put("quorum", 5);
        assign(body).then().statusCode(400).body("errors.field", containsInAnyOrder("orgUnits[1]", "members",
                "members[2].employeeId", "members[3].employeeId", "quorum"));
        given().auth().oauth2(Tokens.forEmployee(chair, "manager")).contentType(ContentType.JSON)
                .body(committee(List.of("Payments"), 1, chair)).post("/api/v1/cycles/{id}/committees", cycle).then()
                .statusCode(403);
    }

    @Test
    void aClosedCycleGetsNoCommittee() {
        for (String action : List.of("OPEN_NOMINATIONS", "START_REVIEW", "CALIBRATE", "CLOSE")) {
            given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("action", action))
                    .post("/api/v1/cycles/{id}/transitions", cycle).then().statusCode(200);
        }
        assign(committee(List.of("Payments"), 1, chair)).then().statusCode(409);
    }

    private io.restassured.response.Response assign(Map<String, Object> body) {
        return given().auth().oauth2(HR).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cycles/{id}/committees", cycle);
    }

    private static Map<String, Object> committee(List<String> orgUnits, int quorum, String chairId,
            String... memberIds) {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        members.add(new LinkedHashMap<>(Map.of("employeeId", chairId, "role", "CHAIR")));
        for (String id : memberIds) {
            members.add(new LinkedHashMap<>(Map.of("employeeId", id, "role", "MEMBER")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Committee " + orgUnits);
        body.put("orgUnits", orgUnits);
        body.put("quorum", quorum);
        body.put("members", members);
        return body;
    }
}
