package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import org.leveling.common.testing.Upstream;
import org.leveling.promotion.messaging.CycleTransitionedV1;
import org.leveling.promotion.messaging.Topics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CycleResourceTest {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    @Inject
    EntityManager entityManager;

    String framework;

    @BeforeEach
    void ladder() throws Exception {
        framework = new Upstream(catalog, people).publishSampleFramework();
    }

    @Test
    void aCycleMovesOneStepAtATimeToClosedAndPublishesEveryTransition() {
        String id = plan(cycle(framework)).then().statusCode(201).body("state", equalTo("PLANNED"))
                .extract().path("id");
        transition(id, "START_REVIEW").then().statusCode(409).body("detail", containsString("NOMINATIONS_OPEN"));
        for (String action : List.of("OPEN_NOMINATIONS", "START_REVIEW", "CALIBRATE", "CLOSE")) {
            transition(id, action).then().statusCode(200);
        }
        transition(id, "CLOSE").then().statusCode(409).body("detail", containsString("read-only"));
        transition(id, "OPEN_NOMINATIONS").then().statusCode(409);
        given().auth().oauth2(Tokens.forEmployee("E1", "employee")).get("/api/v1/cycles/{id}", id).then()
                .statusCode(200).body("state", equalTo("CLOSED"))
                .body("transitions.to", equalTo(List.of("PLANNED", "NOMINATIONS_OPEN", "IN_REVIEW", "CALIBRATING",
                        "CLOSED")));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.PROMOTIONS, id,
                r -> r.size() >= 5);
        assertThat(events).hasSize(5);
        for (ConsumerRecord<String, String> event : events) {
            assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(CycleTransitionedV1.TYPE);
            EventSchemas.assertValid(CycleTransitionedV1.TYPE, event.value());
        }
        assertThat(events.get(4).value()).contains("\"CALIBRATING\"", "\"CLOSED\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_log WHERE resource_type = 'cycle' AND resource_id = :id")
                .setParameter("id", id).getSingleResult()).intValue())).isEqualTo(5);
    }

    @Test
    void onlyHrAdminPlansAndMovesCycles() {
        String employee = Tokens.forEmployee("E2", "employee", "manager");
        given().auth().oauth2(employee).contentType(ContentType.JSON).body(cycle(framework)).post("/api/v1/cycles")
                .then().statusCode(403);
        String id = plan(cycle(framework)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(employee).contentType(ContentType.JSON).body(Map.of("action", "OPEN_NOMINATIONS"))
                .post("/api/v1/cycles/{id}/transitions", id).then().statusCode(403);
        given().auth().oauth2(HR).get("/api/v1/cycles/{id}", id).then().body("state", equalTo("PLANNED"));
    }

    @Test
    void windowsMustBeInOrderAndTheFrameworkKnown() {
        Map<String, Object> body = cycle("no-such-framework");
        @SuppressWarnings("unchecked")
        Map<String, Object> windows = (Map<String, Object>) body.get("windows");
        windows.put("reviewFrom", "2026-10-01");
        plan(body).then().statusCode(400).body("errors.field", hasItem("frameworkKey"))
                .body("errors.field", hasItem("windows.reviewFrom"));
        Map<String, Object> repeated = cycle(framework);
        repeated.put("orgUnits", List.of("Payments", "Payments"));
        plan(repeated).then().statusCode(400).body("errors[0].field", equalTo("orgUnits"));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("action", "JUMP"))
                .post("/api/v1/cycles/{id}/transitions", "00000000-0000-0000-0000-000000000000").then()
                .statusCode(400);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("action", "CLOSE"))
                .post("/api/v1/cycles/{id}/transitions", "00000000-0000-0000-0000-000000000000").then()
                .statusCode(404);
    }

    private static Map<String, Object> cycle(String frameworkKey) {
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("nominationsFrom", "2026-11-01");
        windows.put("nominationsTo", "2026-11-30");
        windows.put("reviewFrom", "2026-12-01");
        windows.put("reviewTo", "2026-12-15");
        windows.put("calibrationFrom", "2026-12-16");
        windows.put("calibrationTo", "2026-12-20");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "2026 H2 Product promotions");
        body.put("frameworkKey", frameworkKey);
        body.put("orgUnits", List.of("Product - Payments", "Product - Growth"));
        body.put("windows", windows);
        return body;
    }

    private static io.restassured.response.Response plan(Map<String, Object> body) {
        return given().auth().oauth2(HR).contentType(ContentType.JSON).body(body).post("/api/v1/cycles");
    }

    private static io.restassured.response.Response transition(String id, String action) {
        return given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("action", action))
                .post("/api/v1/cycles/{id}/transitions", id);
    }
}
