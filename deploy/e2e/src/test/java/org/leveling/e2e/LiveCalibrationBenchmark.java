package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.EventStreamClient;
import org.leveling.common.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * Commit → live dashboard updated (deploy/bench/live-calibration runs it): decisions recorded one after
 * another through the API while a dashboard's stream is connected to a second promotion-service
 * instance. For each: how long the decision request takes (when it answers, the decision is committed
 * and visible through the API — the baseline), how long after that the stream says DECIDED, and how long
 * until a read of the calibration on the second instance shows it. Reported, never asserted.
 */
class LiveCalibrationBenchmark {

    private static final int DECISIONS = Integer.getInteger("bench.decisions", 300);
    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void commitToDashboard() throws Exception {
        Platform platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
        SampleData.load(platform);
        String levels = platform.url("levels-service");
        String promotion = platform.url("promotion-service");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            String id = "LB" + run + "-" + i;
            candidates.add(id);
            given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON)
                    .body(Map.of("name", "Bench Candidate " + i, "email", id.toLowerCase() + "@example.com",
                            "managerId", "E220", "orgUnit", "Product - Payments",
                            "jobFamily", "product-management", "track", "ic"))
                    .put("/api/v1/people/{id}", id).then().statusCode(201);
            given().baseUri(levels).auth().oauth2(HR).contentType(ContentType.JSON)
                    .body(Map.of("frameworkKey", SampleData.FRAMEWORK, "frameworkVersion", 1, "level", "SPM-II",
                            "effectiveFrom", "2026-01-01", "reason", "INITIAL"))
                    .post("/api/v1/people/{id}/level-history", id).then().statusCode(201);
        }
        String cycle = SamplePromotion.openPaymentsCycle(promotion, "Live bench " + run);
        List<String> cases = new ArrayList<>();
        for (String candidate : candidates) {
            Map<String, Object> nominate = Map.of("cycleId", cycle, "candidateId", candidate, "targetLevel", "PPM",
                    "justification", "Benchmark case");
            // 400 or 403 until promotion-service's read models have the candidate and their level.
            String id = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(promotion).auth()
                    .oauth2(SampleData.as("E220")).contentType(ContentType.JSON).body(nominate)
                    .post("/api/v1/nominations"), r -> r.statusCode() == 201).path("id");
            given().baseUri(promotion).auth().oauth2(SampleData.as("E220"))
                    .post("/api/v1/nominations/{id}/submit", id).then().statusCode(200);
            cases.add(id);
        }
        for (String id : cases) {
            await().atMost(Duration.ofSeconds(120)).until(() -> "IN_REVIEW".equals(given().baseUri(promotion).auth()
                    .oauth2(HR).get("/api/v1/nominations/{id}", id).path("status")));
        }
        SamplePromotion.transition(promotion, cycle, "START_REVIEW");
        for (String id : cases) {
            SamplePromotion.vote(promotion, id, "E313", "APPROVE").then().statusCode(201);
            SamplePromotion.vote(promotion, id, "E317", "APPROVE").then().statusCode(201);
        }
        Map<String, Object> decision = SamplePromotion.promotedDecision(LocalDate.now().plusDays(30));

        ServiceProcess second = ServiceProcess.launch(Path.of(System.getProperty("leveling.root.dir")),
                "promotion-service", "promotion-service-bench-b", platform.serviceEnvironment());
        second.awaitReady();
        List<Double> request = new ArrayList<>();
        List<Double> told = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        String viewer = SampleData.as("E313");
        try (EventStreamClient stream = EventStreamClient.open(URI.create(second.baseUrl() + "/api/v1/cycles/" + cycle
                + "/calibration/changes"), viewer)) {
            stream.next(WAIT);
            for (int i = 0; i < cases.size(); i++) {
                long start = System.nanoTime();
                given().baseUri(promotion).auth().oauth2(SampleData.as("E230")).contentType(ContentType.JSON)
                        .body(decision).post("/api/v1/nominations/{id}/decisions", cases.get(i)).then().statusCode(201);
                long committed = System.nanoTime();
                EventStreamClient.Received change = stream.nextWithout("change", "HEARTBEAT", WAIT);
                if (!"DECIDED".equals(change.data().path("change").asText())) {
                    throw new IllegalStateException("expected DECIDED, got " + change.data());
                }
                int decided = given().baseUri(second.baseUrl()).auth().oauth2(viewer)
                        .get("/api/v1/cycles/{id}/calibration", cycle).then().statusCode(200).extract()
                        .path("overall.decided");
                long read = System.nanoTime();
                if (decided != i + 1) {
                    throw new IllegalStateException("the dashboard read " + decided + " decided, not " + (i + 1));
                }
                request.add((committed - start) / 1e6);
                told.add((change.arrivedNanos() - committed) / 1e6);
                shown.add((read - committed) / 1e6);
            }
        } finally {
            second.stop();
        }

        Load.Latency requests = Load.percentiles(request);
        Load.Latency notified = Load.percentiles(told);
        Load.Latency updated = Load.percentiles(shown);
        List<String> report = List.of(
                "Live calibration benchmark — " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                        + " cores; " + DECISIONS + " decisions one after another on instance A, the dashboard's stream "
                        + "and reads on instance B",
                String.format("decision request (committed and API-visible when it answers): p50 %.1f ms, p99 %.1f ms",
                        requests.p50(), requests.p99()),
                String.format("commit → stream on B says DECIDED: p50 %.1f ms, p99 %.1f ms", notified.p50(),
                        notified.p99()),
                String.format("commit → dashboard on B has read the new numbers: p50 %.1f ms, p99 %.1f ms   "
                        + "[target p99 ≤ 1000 ms]; p99 ratio to the decision request %.2f", updated.p50(),
                        updated.p99(), updated.p99() / requests.p99()));
        report.forEach(System.out::println);
        Path out = Path.of(System.getProperty("leveling.root.dir"), "deploy/e2e/target/bench/live-calibration.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator());
    }
}
