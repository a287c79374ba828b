package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * Whether a caller can tell an object that exists outside their scope from an unknown id by the time
 * the 404 takes (deploy/bench/existence-oracle runs it). On the sample data, E240 (a manager in
 * Growth) asks for things about E300 (Payments, three levels below the top): the person, their level
 * history and readiness, a piece of their evidence, their nomination, its decision and the appeal of
 * it — each against an unknown id of the same shape, one request after the other from one
 * connection, hidden and unknown alternating (and the order of each pair alternating) so that drift
 * of the machine falls on both alike. Reported, never asserted: p50, p90, p99 of each and the ratio
 * hidden / unknown, which should be 1 within the noise.
 */
class ExistenceOracleBenchmark {

    private static final int WARM_UP_PAIRS = Integer.getInteger("bench.warmup.pairs", 3000);
    private static final int PAIRS = Integer.getInteger("bench.pairs", 3000);
    private static final String CALLER = "E240";
    private static final String HIDDEN_PERSON = "E300";
    private static final String UNKNOWN_PERSON = "E399";
    private static final String UNKNOWN_ID = "7d0c2a4e-5b1f-4c3a-9e8d-2f6b1a0c9e47";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = SampleData.as(CALLER);

    /** One kind of object: the same path for an object hidden from the caller and for an unknown id. */
    record Kind(String name, String hidden, String unknown, String hiddenId, String unknownId) {
    }

    @Test
    void hiddenAndUnknownIdsTakeTheSameTime() throws Exception {
        Platform platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
        SampleData.load(platform);
        SampleCase decided = SampleCase.decideAndAppeal(platform);
        String levels = platform.url("levels-service");
        String evidence = platform.url("evidence-service");
        String promotion = platform.url("promotion-service");
        List<Kind> kinds = List.of(
                kind("person", levels + "/api/v1/people/%s", HIDDEN_PERSON, UNKNOWN_PERSON),
                kind("level history", levels + "/api/v1/people/%s/level-history", HIDDEN_PERSON, UNKNOWN_PERSON),
                kind("readiness", evidence + "/api/v1/people/%s/readiness?targetLevel=PPM", HIDDEN_PERSON,
                        UNKNOWN_PERSON),
                kind("evidence", evidence + "/api/v1/evidence/%s", decided.evidenceId(), UNKNOWN_ID),
                kind("nomination", promotion + "/api/v1/nominations/%s", decided.nominationId(), UNKNOWN_ID),
                kind("decision", promotion + "/api/v1/decisions/%s", decided.decisionId(), UNKNOWN_ID),
                kind("appeal", promotion + "/api/v1/appeals/%s", decided.appealId(), UNKNOWN_ID));

        List<String> report = new ArrayList<>();
        report.add("Existence oracle benchmark — " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; caller " + CALLER + "; " + WARM_UP_PAIRS + " pairs per kind to warm up, " + PAIRS
                + " measured; one connection, one request at a time");
        for (Kind kind : kinds) {
            report.add(String.format("%-14s 404 bodies identical but for the id asked for, correlationId and instance: %s", kind.name(),
                    sameBody(kind) ? "yes" : "NO"));
        }
        // The JIT compiles both paths of every service before anything counts.
        measure(kinds, WARM_UP_PAIRS);
        List<List<Double>[]> latencies = measure(kinds, PAIRS);
        report.add(String.format("%-14s %-26s %-26s %s", "kind", "hidden p50 / p90 / p99 ms",
                "unknown p50 / p90 / p99 ms", "hidden / unknown at p50, p90, p99   [target p50 1.0 ± 0.1]"));
        for (int k = 0; k < kinds.size(); k++) {
            double[] hidden = percentiles(latencies.get(k)[0]);
            double[] unknown = percentiles(latencies.get(k)[1]);
            report.add(String.format("%-14s %5.2f / %5.2f / %6.2f      %5.2f / %5.2f / %6.2f      %.2f  %.2f  %.2f",
                    kinds.get(k).name(), hidden[0], hidden[1], hidden[2], unknown[0], unknown[1], unknown[2],
                    hidden[0] / unknown[0], hidden[1] / unknown[1], hidden[2] / unknown[2]));
        }
        Path out = Path.of(System.getProperty("leveling.root.dir"), "deploy/e2e/target/bench/existence-oracle.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator());
    }

    private static Kind kind(String name, String path, String hidden, String unknown) {
        return new Kind(name, path.formatted(hidden), path.formatted(unknown), hidden, unknown);
    }

    /** Per kind, the latencies of the hidden requests [0] and of the unknown ones [1], in milliseconds. */
    private List<List<Double>[]> measure(List<Kind> kinds, int pairs) throws Exception {
        List<List<Double>[]> latencies = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            @SuppressWarnings("unchecked")
            List<Double>[] both = new List[] {new ArrayList<Double>(pairs), new ArrayList<Double>(pairs)};
            latencies.add(both);
        }
        for (int i = 0; i < pairs; i++) {
            for (int k = 0; k < kinds.size(); k++) {
                Kind kind = kinds.get(k);
                boolean hiddenFirst = i % 2 == 0;
                latencies.get(k)[hiddenFirst ? 0 : 1].add(time(hiddenFirst ? kind.hidden() : kind.unknown()));
                latencies.get(k)[hiddenFirst ? 1 : 0].add(time(hiddenFirst ? kind.unknown() : kind.hidden()));
            }
        }
        return latencies;
    }

    private double time(String uri) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(uri);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 404) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private boolean sameBody(Kind kind) throws Exception {
        return withoutRequestFields(get(kind.hidden()).body(), kind.hiddenId())
                .equals(withoutRequestFields(get(kind.unknown()).body(), kind.unknownId()));
    }

    /** The body with the id asked for and the per-request fields taken out. */
    private static ObjectNode withoutRequestFields(String body, String askedFor) throws Exception {
        ObjectNode problem = (ObjectNode) JSON.readTree(body.replace(askedFor, "{id}"));
        problem.remove(List.of("correlationId", "instance"));
        return problem;
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double[] percentiles(List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new double[] {at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99)};
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.ceil(sorted.size() * quantile) - 1);
    }

    /**
     * A decided and appealed case on the sample data, as CrossServiceFlowTest takes it through: E220
     * nominates E300 for PPM in a Payments cycle, the committee (E230 chair, E313, E317) votes, E230
     * decides, E300 appeals.
     */
    record SampleCase(String evidenceId, String nominationId, String decisionId, String appealId) {

        static SampleCase decideAndAppeal(Platform platform) throws Exception {
            String hr = Tokens.forEmployee("HR1", "hr-admin");
            String promotion = platform.url("promotion-service");
            String cycleId = SamplePromotion.openPaymentsCycle(promotion, "Existence oracle");
            String nominationId = SamplePromotion.submitNominationOfE300(promotion, cycleId);
            await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().baseUri(promotion).auth()
                    .oauth2(hr).get("/api/v1/nominations/{id}", nominationId).path("status")));
            String evidenceId = given().baseUri(promotion).auth().oauth2(SampleData.as("E230"))
                    .get("/api/v1/nominations/{id}/packet", nominationId).then().statusCode(200).extract()
                    .path("evidence[0].evidenceId");
            SamplePromotion.transition(promotion, cycleId, "START_REVIEW");
            for (String member : List.of("E313", "E317", "E230")) {
                SamplePromotion.vote(promotion, nominationId, member, "APPROVE").then().statusCode(201);
            }
            String decisionId = given().baseUri(promotion).auth().oauth2(SampleData.as("E230"))
                    .contentType(ContentType.JSON).body(SamplePromotion.promotedDecision(LocalDate.now().plusDays(3)))
                    .post("/api/v1/nominations/{id}/decisions", nominationId).then().statusCode(201).extract()
                    .path("id");
            String appealId = given().baseUri(promotion).auth().oauth2(SampleData.as(HIDDEN_PERSON))
                    .contentType(ContentType.JSON).body(Map.of("reason", "The packet missed a quarter."))
                    .post("/api/v1/decisions/{id}/appeals", decisionId).then().statusCode(201).extract().path("id");
            return new SampleCase(evidenceId, nominationId, decisionId, appealId);
        }
    }
}
