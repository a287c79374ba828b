package org.leveling.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What every service answers on bad input: RFC 9457 problem+json with type, title, status,
 * detail, instance and correlation id; field errors for validation; nothing internal leaked.
 * Each service runs it through a {@code @QuarkusTest} subclass.
 */
public abstract class ProblemDetailsContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    public void malformedJsonIsA400MalformedRequestProblem() {
        Response response = given().contentType(ContentType.JSON).body("{\"name\": \"x\", ")
                .post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:malformed-request");
        assertThat(response.jsonPath().getString("instance")).isEqualTo("/test-probe/items");
    }

    @Test
    public void fieldOfWrongJsonTypeIsNamedWithTheExpectedType() {
        Response response = given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"count\": \"many\"}")
                .post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).containsExactly(Map.of("field", "count", "message", "must be a number"));
    }

    @Test
    public void unknownEnumValueListsTheAllowedValues() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"count\": 1, \"kind\": \"PARTY\"}").post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response))
                .containsExactly(Map.of("field", "kind", "message", "must be one of [LAUNCH, MENTORING]"));
    }

    @Test
    public void unknownFieldIsRejectedRatherThanDropped() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"count\": 1, \"nmae\": \"typo\"}").post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).containsExactly(Map.of("field", "nmae", "message", "is not a known field"));
    }

    @Test
    public void beanValidationFailureListsEveryFailingField() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\": \" \", \"count\": -1, \"tags\": [\"ok\", \"\"]}").post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).extracting(e -> e.get("field"))
                .containsExactly("count", "name", "tags[1]");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("3 fields are invalid.");
    }

    @Test
    public void invalidQueryParameterIsNamed() {
        Response response = given().queryParam("limit", 1000).get("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).extracting(e -> e.get("field")).containsExactly("limit");
    }

    @Test
    public void aQueryParameterOfTheWrongTypeIsA400NotA404() {
        assertProblem(given().queryParam("kind", "BOGUS").get("/test-probe/items"), 400,
                "urn:leveling:problem:validation-failed");
        assertProblem(given().queryParam("limit", "ten").get("/test-probe/items"), 400,
                "urn:leveling:problem:validation-failed");
        assertThat(given().get("/test-probe/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    public void aNulCharacterTheDatabaseCannotStoreIsA400NotA500() {
        Response response = given().auth().oauth2(Tokens.forEmployee("HR1", "hr-admin")).queryParam("actor", "a\u0000b")
                .get("/api/v1/audit");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
    }

    @Test
    public void percentEncodedControlCharactersInThePathOrAQueryAreA400NamingEach() {
        Response response = given().urlEncodingEnabled(false).get("/test-probe/items/a%00b?kind=%0ALAUNCH&limit=5");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).extracting(e -> e.get("field")).containsExactly("id", "kind");
    }

    @Test
    public void rawControlCharactersAreRefusedByTheHttpLayerButATabInAHeaderIsNot() throws IOException {
        // Netty refuses them in the request line and in header values before any route runs (no problem body).
        assertThat(RawHttp.send("GET /test-probe/items/a\u0000b HTTP/1.1", "").status()).isEqualTo(400);
        assertThat(RawHttp.send("GET /test-probe/items/x HTTP/1.1\r\nX-Probe: a\u0001b", "").status()).isEqualTo(400);

        RawHttp.Answer tab = RawHttp.send("GET /test-probe/items/x HTTP/1.1\r\nX-Probe: a\tb", "");
        assertThat(tab.status()).isEqualTo(404);
        assertThat(tab.body()).contains("urn:leveling:problem:resource-not-found");
    }

    @Test
    public void aNulCharacterInAJsonStringIsA400NamingTheField() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"count\": 1, \"tags\": [\"ok\", \"a\\u0000b\"]}").post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).containsExactly(
                Map.of("field", "tags[1]", "message", "must not contain the NUL character (U+0000)"));
    }

    @Test
    public void aFieldSentTwiceIsA400NamingIt() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"count\": 1, \"count\": 2}").post("/test-probe/items");

        assertProblem(response, 400, "urn:leveling:problem:validation-failed");
        assertThat(fieldErrors(response)).containsExactly(Map.of("field", "count", "message", "appears more than once"));
    }

    @Test
    public void unknownIdIsA404ResourceNotFoundProblem() {
        Response response = given().get("/test-probe/items/does-not-exist");

        assertProblem(response, 404, "urn:leveling:problem:resource-not-found");
        assertThat(response.jsonPath().getString("detail")).contains("does-not-exist");
    }

    @Test
    public void unknownRouteIsA404Problem() {
        Response response = given().get("/api/v1/no-such-thing");

        assertProblem(response, 404, "about:blank");
        assertThat(response.jsonPath().getString("title")).isEqualTo("Not Found");
    }

    @Test
    public void wrongMethodIsA405Problem() {
        Response response = given().delete("/test-probe/items");

        assertProblem(response, 405, "about:blank");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("DELETE is not allowed on /test-probe/items.");
    }

    @Test
    public void wrongMediaTypeIsA415Problem() {
        Response response = given().contentType(ContentType.XML).body("<item/>").post("/test-probe/items");

        assertProblem(response, 415, "about:blank");
        assertThat(response.jsonPath().getString("detail")).contains("application/xml");
    }

    @Test
    public void unexpectedFailureIsA500WithoutInternalsButWithTheCorrelationId() {
        Response response = given().header("X-Correlation-Id", "trace-me-42").get("/test-probe/failure");

        assertProblem(response, 500, "urn:leveling:problem:internal-error");
        assertThat(response.asString()).doesNotContain("secret", "Exception", "org.leveling", "at ");
        assertThat(response.jsonPath().getString("correlationId")).isEqualTo("trace-me-42");
        assertThat(response.header("X-Correlation-Id")).isEqualTo("trace-me-42");
    }

    @Test
    public void forgedCorrelationIdIsReplacedByAFreshOne() {
        given().header("X-Correlation-Id", "bad id\nwith newline").get("/test-probe/items/x")
                .then().statusCode(404)
                .header("X-Correlation-Id", notNullValue())
                .body("correlationId", not(containsString(" ")));
    }

    private static void assertProblem(Response response, int status, String type) {
        response.then()
                .statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(status))
                .body("type", equalTo(type))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", notNullValue())
                .body("correlationId", equalTo(response.header("X-Correlation-Id")));
        assertThat(response.asString()).doesNotContain("java.", "jakarta.", "com.fasterxml");
    }

    private static List<Map<String, String>> fieldErrors(Response response) {
        return response.jsonPath().getList("errors");
    }
}
