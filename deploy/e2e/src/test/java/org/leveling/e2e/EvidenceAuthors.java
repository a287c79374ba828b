package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leveling.common.testing.Tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * People who write evidence under load, set up through levels-service's API as an organisation
 * would: a framework (the sample ladder under a key of its own) and the authors at level SPM.
 * evidence-service learns them from levels-service's events.
 */
final class EvidenceAuthors {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String framework;
    private final List<String> ids;

    private EvidenceAuthors(String framework, List<String> ids) {
        this.framework = framework;
        this.ids = List.copyOf(ids);
    }

    /** Publishes {@code framework} and creates {@code count} authors {@code <prefix>1…}; returns once evidence-service knows them. */
    static EvidenceAuthors seed(Platform platform, String evidenceService, String framework, String prefix, int count)
            throws IOException {
        String levels = platform.url("levels-service");
        Path root = Path.of(System.getProperty("leveling.root.dir"));
        given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON)
                .body(Map.of("key", framework, "name", "Product Management (" + framework + ")",
                        "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(201);
        given().baseUri(levels).auth().oauth2(HR).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Files.readString(root.resolve("deploy/local/sample-framework.json")))
                .put("/api/v1/frameworks/{key}/draft", framework).then().statusCode(200);
        given().baseUri(levels).auth().oauth2(HR).post("/api/v1/frameworks/{key}/draft/publish", framework).then()
                .statusCode(201);
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String author = prefix + n;
            ids.add(author);
            given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON)
                    .body(Map.of("name", "Author " + n, "email", author.toLowerCase() + "@example.com",
                            "jobFamily", "product-management"))
                    .put("/api/v1/people/{id}", author).then().statusCode(201);
            given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON)
                    .body(Map.of("frameworkKey", framework, "frameworkVersion", 1, "level", "SPM",
                            "effectiveFrom", "2026-01-01", "reason", "INITIAL"))
                    .post("/api/v1/people/{id}/level-history", author).then().statusCode(201);
        }
        for (String author : ids) {
            await().atMost(Duration.ofSeconds(90)).until(() -> given().baseUri(evidenceService)
                    .auth().oauth2(token(author)).queryParam("targetLevel", "PPM")
                    .get("/api/v1/people/{id}/readiness", author).statusCode() == 200);
        }
        return new EvidenceAuthors(framework, ids);
    }

    List<String> ids() {
        return ids;
    }

    static String token(String author) {
        return Tokens.forEmployee(author, "employee");
    }

    /** A piece of evidence by {@code subject} about themselves, valid against the framework. */
    String evidenceBody(String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", subject);
        body.put("frameworkKey", framework);
        body.put("frameworkVersion", 1);
        body.put("level", "SPM");
        body.put("competencies", List.of("product-definition", "influence"));
        body.put("kind", "LAUNCH");
        body.put("title", "Launched self-serve onboarding");
        body.put("narrative", "Led the redesign of onboarding across three teams, from research to launch.");
        body.put("occurredFrom", "2026-03-01");
        body.put("occurredTo", "2026-05-15");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
