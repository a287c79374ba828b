package org.leveling.e2e;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * Read throughput of published frameworks against a bare endpoint of the same service, measured in
 * one run (deploy/bench/framework-reads runs it): GET of a published version and of a level's
 * success guide, as a ratio to GET /q/health/live; then p99 latency of each at half its maximum
 * rate. Reported, never asserted.
 */
class FrameworkReadBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 4000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmup.requests", 10_000);
    private static final int PACED_REQUESTS = Integer.getInteger("bench.paced.requests", 5000);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(CLIENTS)).build();
    private final String token = Tokens.forEmployee("BENCH", "employee");

    @Test
    void frameworkReads() throws Exception {
        Platform platform = Platform.start(Map.of(), "levels-service");
        String base = platform.url("levels-service");
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        String sample = Files.readString(Path.of(System.getProperty("leveling.root.dir"),
                "deploy/local/sample-framework.json"));
        given().baseUri(base).auth().oauth2(hr).contentType(ContentType.JSON)
                .body(Map.of("key", "bench-pm", "name", "Product Management", "jobFamily", "product-management"))
                .post("/api/v1/frameworks").then().statusCode(201);
        given().baseUri(base).auth().oauth2(hr).header("If-Match", "*").contentType(ContentType.JSON).body(sample)
                .put("/api/v1/frameworks/bench-pm/draft").then().statusCode(200);
        given().baseUri(base).auth().oauth2(hr).post("/api/v1/frameworks/bench-pm/draft/publish").then().statusCode(201);

        URI bare = URI.create(base + "/q/health/live");
        URI version = URI.create(base + "/api/v1/frameworks/bench-pm/versions/1");
        URI guide = URI.create(base + "/api/v1/frameworks/bench-pm/versions/1/levels/SPM/guide");
        // Long enough for the JIT's second tier to compile the hot paths: steady state is measured.
        for (URI warm : List.of(bare, version, guide)) {
            saturate(warm, WARM_UP_REQUESTS);
        }
        double bareRps = saturate(bare, REQUESTS);
        double versionRps = saturate(version, REQUESTS);
        double guideRps = saturate(guide, REQUESTS);
        double[] versionP = paced(version, versionRps / 2);
        double[] guideP = paced(guide, guideRps / 2);

        List<String> report = List.of(
                "Framework read benchmark — " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                        + " cores, " + CLIENTS + " clients, " + REQUESTS + " requests per measure",
                String.format("bare endpoint GET /q/health/live: %.0f req/s", bareRps),
                String.format("GET published version: %.0f req/s, ratio to bare %.2f   [target ≥ 0.25]; "
                        + "at %.0f req/s (half max): p50 %.1f ms, p99 %.1f ms   [target p99 ≤ 10 ms]",
                        versionRps, versionRps / bareRps, versionRps / 2, versionP[0], versionP[1]),
                String.format("GET success guide: %.0f req/s, ratio to bare %.2f   [target ≥ 0.25]; "
                        + "at %.0f req/s (half max): p50 %.1f ms, p99 %.1f ms   [target p99 ≤ 10 ms]",
                        guideRps, guideRps / bareRps, guideRps / 2, guideP[0], guideP[1]));
        Path out = Path.of(System.getProperty("leveling.root.dir"), "deploy/e2e/target/bench/framework-reads.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator());
    }

    private double saturate(URI uri, int requests) throws Exception {
        return Load.saturate(() -> get(uri), requests, CLIENTS);
    }

    private double[] paced(URI uri, double rate) throws Exception {
        Load.Latency latency = Load.paced(() -> get(uri), rate, PACED_REQUESTS, CLIENTS);
        return new double[] {latency.p50(), latency.p99()};
    }

    private void get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
