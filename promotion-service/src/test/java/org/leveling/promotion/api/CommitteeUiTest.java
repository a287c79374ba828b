package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committee web UI under /ui: served with a strict content security policy, and every API call
 * its script makes is an operation the service's OpenAPI document declares (so a renamed endpoint
 * cannot silently break the UI).
 */
@QuarkusTest
class CommitteeUiTest {

    /** api('METHOD', `path`) and optional(`path`), the script's GET of what may be missing. */
    private static final Pattern API_CALL = Pattern.compile(
            "(?:api\\('(GET|PUT|POST|PATCH|DELETE)', |optional\\()[`'](/api/v1/[^`'?]*)");

    @Test
    void theUiIsServedWithAContentSecurityPolicyThatAllowsOnlyItsOwnFiles() {
        given().get("/ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"app.js\" defer>"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/ui/app.js").then().statusCode(200).body(containsString("textContent"));
        // The charting library comes from its jar, from this origin: no CDN for the policy to allow.
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .body(containsString("echarts"));
    }

    @Test
    void everyApiCallOfTheUiIsAnOperationOfTheOpenApiDocument() {
        String script = given().get("/ui/app.js").then().statusCode(200).extract().asString();
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> calls = new ArrayList<>();
        Matcher call = API_CALL.matcher(script);
        while (call.find()) {
            String method = call.group(1) == null ? "GET" : call.group(1);
            String path = call.group(2).replaceAll("\\$\\{[^}]+}", "{}");
            calls.add(method + " " + path);
            boolean declared = paths.entrySet().stream().anyMatch(p -> p.getKey().replaceAll("\\{[^}]+}", "{}")
                    .equals(path) && p.getValue().containsKey(method.toLowerCase()));
            assertThat(declared).as(method + " " + path + " in the OpenAPI document").isTrue();
        }
        assertThat(calls).contains("GET /api/v1/nominations", "GET /api/v1/nominations/{}/packet",
                "PUT /api/v1/nominations/{}/votes/mine", "POST /api/v1/nominations/{}/decisions",
                "GET /api/v1/cycles/{}/calibration");
    }
}
