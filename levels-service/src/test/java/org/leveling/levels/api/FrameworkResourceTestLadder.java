package org.leveling.levels.api;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;

/** Publishes the test ladder of {@link FrameworkResourceTest} as version 1 of a new framework, for other tests. */
public final class FrameworkResourceTestLadder {

    private FrameworkResourceTestLadder() {
    }

    public static String publish() {
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        String key = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(hr).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Product Management", "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(201);
        given().auth().oauth2(hr).header("If-Match", "*").contentType(ContentType.JSON)
                .body(FrameworkResourceTest.ladder()).put("/api/v1/frameworks/{key}/draft", key).then().statusCode(200);
        given().auth().oauth2(hr).post("/api/v1/frameworks/{key}/draft/publish", key).then().statusCode(201);
        return key;
    }
}
