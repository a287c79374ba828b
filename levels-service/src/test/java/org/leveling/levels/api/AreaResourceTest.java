package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.levels.messaging.AreaOwnerChangedV1;
import org.leveling.levels.messaging.Topics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AreaResourceTest {

    private static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");
    private static final String EMPLOYEE = Tokens.forEmployee("E1", "employee");

    @Test
    void anAreaHasOneOwnerAtATimeAndKeepsItsOwnerHistory() {
        String first = person();
        String second = person();
        String key = create("Checkout " + UUID.randomUUID(), first);

        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(Map.of("ownerId", second))
                .put("/api/v1/areas/{key}/owner", key).then().statusCode(200).body("ownerId", equalTo(second));
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(Map.of("ownerId", second))
                .put("/api/v1/areas/{key}/owner", key).then().statusCode(200).body("revision", equalTo(2));

        given().auth().oauth2(EMPLOYEE).get("/api/v1/areas/{key}", key).then().statusCode(200)
                .body("ownerId", equalTo(second))
                .body("ownerHistory.ownerId", equalTo(List.of(first, second)))
                .body("ownerHistory.changedBy", equalTo(List.of("HR1", "HR1")));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.PEOPLE, key,
                r -> r.size() >= 2);
        assertThat(events).hasSize(2);
        events.forEach(e -> EventSchemas.assertValid(AreaOwnerChangedV1.TYPE, e.value()));
        assertThat(JsonPath.from(events.get(1).value()).getString("previousOwnerId")).isEqualTo(first);
    }

    @Test
    void theDirectoryAnswersWhoOwnsWhat() {
        String owner = person();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String payments = create("Payments risk " + marker, owner);
        create("Growth loops " + marker, person());

        given().auth().oauth2(EMPLOYEE).queryParam("q", "RISK " + marker).get("/api/v1/areas").then().statusCode(200)
                .body("items.key", equalTo(List.of(payments)))
                .body("items[0].ownerId", equalTo(owner));
        given().auth().oauth2(EMPLOYEE).queryParam("owner", owner).get("/api/v1/areas").then()
                .body("items.key", equalTo(List.of(payments)));
        given().auth().oauth2(EMPLOYEE).queryParam("q", "100%").get("/api/v1/areas").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void ownersMustExistAndOnlyHrAdminWrites() {
        String key = "area-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Nobody's", "ownerId", "E-nobody")).post("/api/v1/areas").then()
                .statusCode(400).body("errors[0].field", equalTo("ownerId"));
        given().auth().oauth2(EMPLOYEE).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Mine", "ownerId", person())).post("/api/v1/areas").then()
                .statusCode(403);
        String existing = create("Existing " + key, person());
        given().auth().oauth2(Tokens.forEmployee("E2", "manager")).contentType(ContentType.JSON)
                .body(Map.of("ownerId", person())).put("/api/v1/areas/{key}/owner", existing).then().statusCode(403);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(Map.of("ownerId", person()))
                .put("/api/v1/areas/{key}/owner", "no-such-area").then().statusCode(404);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("key", existing, "name", "Again", "ownerId", person())).post("/api/v1/areas").then()
                .statusCode(409);
        given().auth().oauth2(EMPLOYEE).get("/api/v1/areas/{key}", "no-such-area").then().statusCode(404);
        given().auth().oauth2(EMPLOYEE).get("/api/v1/areas/{key}", "Bad Key!").then().statusCode(400)
                .body("errors[0].field", equalTo("key"));
    }

    private static String create(String name, String ownerId) {
        String key = "area-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", name, "ownerId", ownerId)).post("/api/v1/areas").then()
                .statusCode(201).body("ownerHistory.size()", equalTo(1));
        return key;
    }

    private static String person() {
        String id = "E-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Owner " + id);
        body.put("email", id.toLowerCase() + "@example.com");
        given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id).then()
                .statusCode(201);
        return id;
    }
}
