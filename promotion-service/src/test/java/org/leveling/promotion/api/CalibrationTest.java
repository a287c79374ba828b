package org.leveling.promotion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.leveling.promotion.api.CaseFixture.HR;
import static org.leveling.promotion.api.CaseFixture.token;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;
import org.leveling.common.testing.UpstreamEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Calibration on a seeded cycle (numbers worked out by hand below), small groups suppressed for
 * analysts, drift against an earlier cycle of the same scope — and the same numbers rebuilt by a
 * fresh consumer reading the topics from offset 0.
 *
 * <p>Current cycle: Payments p1..p6 (manager m1) for SPM, ready 9/9 — five promoted, one not;
 * Growth g1..g3 (m2) for SPM and g4, g5 (m3) for GPM, ready 3/9 — g1 promoted, g2..g4 not, g5
 * undecided; p7 submitted then withdrawn (does not count). Overall 6 promoted of 10 decided = 0.6.
 * Earlier cycle: p1..p5, two promoted = 0.4.
 */
@QuarkusTest
class CalibrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GPM_COMPETENCIES = List.of("communication", "influence", "leadership",
            "mentoring", "navigating-complexity", "product-definition", "scope");
    private static Seeded seeded;

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    record Seeded(String framework, String earlier, String current, String chairPayments, String m1) {
    }

    @BeforeEach
    void seed() throws Exception {
        if (seeded == null) {
            seeded = seedCycles();
        }
    }

    @Test
    void hrAdminSeesEveryGroupWithRatesOutliersAndDriftAgainstTheEarlierCycle() {
        JsonPath c = json(calibration(HR));
        assertThat(c.getString("view")).isEqualTo("FULL");
        assertThat(c.getMap("overall")).containsEntry("nominations", 11).containsEntry("decided", 10)
                .containsEntry("promoted", 6).containsEntry("notPromoted", 4);
        assertThat(c.getDouble("overall.promotionRate")).isEqualTo(0.6);
        assertThat(c.getDouble("overall.averageReadiness")).isEqualTo(0.697);

        Map<String, Object> payments = c.getMap("groups.orgUnit.find { it.key == 'Payments' }");
        assertThat(payments).containsEntry("nominations", 6).containsEntry("promoted", 5).containsEntry("outlier", true);
        assertThat(((Number) payments.get("promotionRate")).doubleValue()).isEqualTo(0.8333);
        assertThat(((Number) payments.get("deviation")).doubleValue()).isEqualTo(0.2333);
        assertThat(((Number) payments.get("driftFromPrevious")).doubleValue()).isEqualTo(0.4333);
        Map<String, Object> growth = c.getMap("groups.orgUnit.find { it.key == 'Growth' }");
        assertThat(growth).containsEntry("nominations", 5).containsEntry("decided", 4).containsEntry("outlier", true);
        assertThat(((Number) growth.get("promotionRate")).doubleValue()).isEqualTo(0.25);
        assertThat(c.getList("groups.targetLevel.key")).containsExactly("GPM", "SPM");
        assertThat(c.getList("groups.track.key")).containsExactly("ic", "management");
        // Two GPM cases are too few to call an outlier, whatever their rate.
        assertThat(c.getBoolean("groups.targetLevel.find { it.key == 'GPM' }.outlier")).isFalse();

        assertThat(c.getString("drift.previousCycleId")).isEqualTo(seeded.earlier());
        // The numbers kept as cases changed are the numbers recomputed from the cases.
        Response rebuilt = given().auth().oauth2(HR).post("/api/v1/cycles/{id}/calibration/rebuild", seeded.current());
        assertThat(json(rebuilt).getMap("$")).isEqualTo(c.getMap("$"));
        given().auth().oauth2(token(seeded.chairPayments()))
                .post("/api/v1/cycles/{id}/calibration/rebuild", seeded.current()).then().statusCode(403);
        assertThat(c.getDouble("drift.promotionRateChange")).isEqualTo(0.2);
        assertThat(c.getDouble("drift.earlierCycles[0].promotionRate")).isEqualTo(0.4);
    }

    @Test
    void analystsAndMembersSeeAggregatesWithSmallGroupsSuppressedSoNoOneCanBeSingledOut() {
        String analyst = Tokens.forEmployee(Upstream.id("analyst"), "employee", "analyst");
        JsonPath c = json(calibration(analyst));
        assertThat(c.getString("view")).isEqualTo("AGGREGATE");
        assertThat(c.getInt("overall.nominations")).isEqualTo(11);
        // GPM has 2 cases: suppressed; SPM then too, or 11 − SPM would give GPM away.
        assertThat(c.getList("groups.targetLevel.suppressed")).containsExactly(true, true);
        assertThat(c.getList("groups.targetLevel.nominations")).containsExactly(null, null);
        assertThat(c.getList("groups.track.suppressed")).containsExactly(true, true);
        // m2 (3) and m3 (2) are suppressed; together they only show as the rest.
        Map<String, Object> m1 = c.getMap("groups.manager.find { it.key == '" + seeded.m1() + "' }");
        assertThat(m1).containsEntry("nominations", 6).containsEntry("suppressed", false);
        assertThat(c.getList("groups.manager.findAll { it.suppressed }.key")).containsExactly(null, null);
        assertThat(c.getList("groups.orgUnit.suppressed")).containsExactly(false, false);

        calibration(token(seeded.chairPayments())).then().statusCode(200).body("view", equalTo("AGGREGATE"))
                .body("groups.targetLevel[0].promotionRate", nullValue());
        calibration(token(seeded.m1())).then().statusCode(403);
        given().auth().oauth2(HR).get("/api/v1/cycles/{id}/calibration", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }

    @Test
    void aFreshConsumerReadingTheTopicsFromOffsetZeroRebuildsTheNumbersTheEndpointServes() throws Exception {
        JsonPath served = json(calibration(HR));

        // Everything an analytics consumer has: the promotions topic and the packets on the evidence topic.
        Map<String, Fact> facts = new LinkedHashMap<>();
        Map<String, BigDecimal> readiness = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> event : KafkaTestClient.readAll("leveling.evidence")) {
            if ("org.leveling.evidence.packet-assembled.v1".equals(KafkaTestClient.header(event, "ce_type"))) {
                JsonNode packet = JSON.readTree(event.value());
                long ready = 0;
                for (JsonNode competency : packet.path("competencies")) {
                    ready += "READY".equals(competency.path("status").asText()) ? 1 : 0;
                }
                int all = packet.path("competencies").size();
                readiness.putIfAbsent(packet.path("nominationId").asText(), all == 0 ? null
                        : BigDecimal.valueOf(ready).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP));
            }
        }
        for (ConsumerRecord<String, String> event : KafkaTestClient.readAll("leveling.promotions")) {
            JsonNode data = JSON.readTree(event.value());
            if (!seeded.current().equals(data.path("cycleId").asText())) {
                continue;
            }
            String id = data.path("nominationId").asText();
            switch (KafkaTestClient.header(event, "ce_type")) {
                case "org.leveling.promotions.nomination-submitted.v1" -> facts.put(id, new Fact(
                        data.path("candidateOrgUnit").asText(), data.path("targetLevel").asText(),
                        data.path("targetTrack").asText(), data.path("candidateManagerId").asText()));
                case "org.leveling.promotions.nomination-withdrawn.v1" -> facts.remove(id);
                case "org.leveling.promotions.decision-recorded.v1" -> facts.get(id).outcome =
                        data.path("outcome").asText();
                default -> {
                }
            }
        }
        facts.forEach((id, fact) -> fact.readiness = readiness.get(id));

        assertSameNumbers(served, "overall", Numbers.of(facts.values()));
        Map<String, Function<Fact, String>> dimensions = Map.of("orgUnit", f -> f.orgUnit, "targetLevel",
                f -> f.targetLevel, "track", f -> f.track, "manager", f -> f.manager);
        dimensions.forEach((dimension, key) -> {
            Map<String, List<Fact>> byKey = facts.values().stream().collect(Collectors.groupingBy(key, TreeMap::new,
                    Collectors.toList()));
            assertThat(served.getList("groups." + dimension + ".key")).containsExactlyElementsOf(byKey.keySet());
            byKey.forEach((k, group) -> assertSameNumbers(served, "groups." + dimension + ".find { it.key == '" + k
                    + "' }", Numbers.of(group)));
        });
    }

    /**
     * The reference consumer of docs/analytics.md (deploy/analytics/CalibrationNumbers.java), run as
     * a user runs it — {@code java} on the single source file, only the Kafka client and Jackson on
     * its class path — prints the numbers the endpoint serves.
     */
    @Test
    void theReferenceAnalyticsConsumerPrintsTheNumbersTheEndpointServes() throws Exception {
        JsonNode served = JSON.readTree(calibration(HR).then().statusCode(200).extract().asString());

        Path program = Path.of("..", "deploy", "analytics", "CalibrationNumbers.java").toAbsolutePath().normalize();
        String classPath = Files.readString(Path.of("..", "deploy", "local-stack", "target", "local-stack.classpath"))
                .strip();
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, program.toString(),
                "--bootstrap-servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "--cycle", seeded.current())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        JsonNode printed = JSON.readTree(output);

        assertSameGroup("overall", served.path("overall"), printed.path("overall"));
        for (String dimension : List.of("orgUnit", "targetLevel", "track", "manager")) {
            JsonNode servedGroups = served.path("groups").path(dimension);
            JsonNode printedGroups = printed.path("groups").path(dimension);
            assertThat(printedGroups.findValuesAsText("key")).as(dimension)
                    .containsExactlyElementsOf(servedGroups.findValuesAsText("key"));
            for (int i = 0; i < servedGroups.size(); i++) {
                assertSameGroup(dimension + "/" + servedGroups.get(i).path("key").asText(), servedGroups.get(i),
                        printedGroups.get(i));
            }
        }
    }

    private static void assertSameGroup(String where, JsonNode served, JsonNode printed) {
        for (String field : List.of("nominations", "decided", "promoted", "notPromoted", "deferred", "overrides",
                "promotionRate", "averageReadiness")) {
            JsonNode a = served.path(field);
            JsonNode b = printed.path(field);
            if (a.isNull() || a.isMissingNode()) {
                assertThat(b.isNull() || b.isMissingNode()).as(where + " " + field).isTrue();
            } else {
                assertThat(b.decimalValue()).as(where + " " + field).isEqualByComparingTo(a.decimalValue());
            }
        }
    }

    /** A case as a consumer of the topics sees it. */
    static final class Fact {
        final String orgUnit;
        final String targetLevel;
        final String track;
        final String manager;
        String outcome;
        BigDecimal readiness;

        Fact(String orgUnit, String targetLevel, String track, String manager) {
            this.orgUnit = orgUnit;
            this.targetLevel = targetLevel;
            this.track = track;
            this.manager = manager;
        }
    }

    record Numbers(long nominations, long decided, long promoted, Double rate, Double readiness) {
        static Numbers of(java.util.Collection<Fact> facts) {
            long decided = facts.stream().filter(f -> f.outcome != null).count();
            long promoted = facts.stream().filter(f -> "PROMOTED".equals(f.outcome)).count();
            List<BigDecimal> scores = facts.stream().map(f -> f.readiness).filter(Objects::nonNull).toList();
            Double readiness = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scores.size()), 4, RoundingMode.HALF_UP).doubleValue();
            Double rate = decided == 0 ? null : BigDecimal.valueOf(promoted)
                    .divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP).doubleValue();
            return new Numbers(facts.size(), decided, promoted, rate, readiness);
        }
    }

    private static void assertSameNumbers(JsonPath served, String path, Numbers rebuilt) {
        Map<String, Object> group = served.getMap(path);
        Numbers numbers = new Numbers(((Number) group.get("nominations")).longValue(),
                ((Number) group.get("decided")).longValue(), ((Number) group.get("promoted")).longValue(),
                group.get("promotionRate") == null ? null : ((Number) group.get("promotionRate")).doubleValue(),
                group.get("averageReadiness") == null ? null : ((Number) group.get("averageReadiness")).doubleValue());
        assertThat(numbers).as(path).isEqualTo(rebuilt);
    }

    /**
     * The ledger row of a group is updated by every decision in it: decisions committed at the same
     * time (eight clients, as two instances of the service would send them) must neither lose an
     * increment nor count one twice — the numbers served equal the numbers rebuilt from the cases.
     */
    @Test
    void concurrentDecisionsLeaveTheLedgerEqualToWhatTheCasesSay() throws Exception {
        CaseFixture org = new CaseFixture(catalog, people);
        String cycle = org.cycle(1, org.chair, org.member);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            candidates.add(Upstream.id("conc"));
        }
        org.upstream.people(candidates.stream().map(c -> new String[] {c, org.manager}).toList());
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get(i);
            org.upstream.level(candidate, org.framework, "PM", LocalDate.of(2025, 1, 1));
            String id = given().auth().oauth2(token(org.manager)).contentType(ContentType.JSON)
                    .body(Map.of("cycleId", cycle, "candidateId", candidate, "targetLevel", "SPM",
                            "justification", "Ready for more scope"))
                    .post("/api/v1/nominations").then().statusCode(201).extract().path("id");
            CaseFixture.submit(id).then().statusCode(200);
            UpstreamEvents.send("leveling.evidence", id, "/evidence-service", "org.leveling.evidence.packet-assembled.v1",
                    CaseFixture.packet(org.framework, candidate, id, i % 10));
            cases.add(id);
        }
        for (String id : cases) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(given().auth().oauth2(HR)
                    .get("/api/v1/nominations/{id}", id).path("status")));
        }
        CaseFixture.transition(cycle, "START_REVIEW");
        for (int i = 0; i < cases.size(); i++) {
            CaseFixture.vote(org.member, cases.get(i), i % 2 == 0 ? "APPROVE" : "REJECT").then().statusCode(201);
        }

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> decided = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                String id = cases.get(i);
                String outcome = i % 2 == 0 ? "PROMOTED" : "NOT_PROMOTED";
                decided.add(clients.submit(() -> CaseFixture.decide(org.chair, id,
                        CaseFixture.decision(outcome, null)).statusCode()));
            }
            for (Future<Integer> status : decided) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }

        JsonPath served = json(given().auth().oauth2(HR).get("/api/v1/cycles/{id}/calibration", cycle));
        assertThat(served.getMap("overall")).containsEntry("nominations", 16).containsEntry("decided", 16)
                .containsEntry("promoted", 8).containsEntry("notPromoted", 8);
        JsonPath rebuilt = json(given().auth().oauth2(HR).post("/api/v1/cycles/{id}/calibration/rebuild", cycle));
        assertThat(served.getMap("$")).isEqualTo(rebuilt.getMap("$"));
    }

    /** The body with decimals as BigDecimal, as served (not rounded through float). */
    private static JsonPath json(Response response) {
        response.then().statusCode(200);
        return new JsonPath(response.asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Response calibration(String token) {
        return given().auth().oauth2(token).get("/api/v1/cycles/{id}/calibration", seeded.current());
    }

    private Seeded seedCycles() throws Exception {
        Upstream upstream = new Upstream(catalog, people);
        String framework = upstream.publishSampleFramework();
        String chairP = Upstream.id("chair-p");
        String memberP = Upstream.id("member-p");
        String chairG = Upstream.id("chair-g");
        String memberG = Upstream.id("member-g");
        String m1 = Upstream.id("m1");
        String m2 = Upstream.id("m2");
        String m3 = Upstream.id("m3");
        List<String[]> org = new ArrayList<>(List.of(new String[] {chairP, null, "Payments"},
                new String[] {memberP, null, "Payments"}, new String[] {chairG, null, "Growth"},
                new String[] {memberG, null, "Growth"}, new String[] {m1, null, "Payments"},
                new String[] {m2, null, "Growth"}, new String[] {m3, null, "Growth"}));
        List<String> p = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            p.add(Upstream.id("p" + i));
            org.add(new String[] {p.get(i - 1), m1, "Payments"});
        }
        for (int i = 1; i <= 5; i++) {
            g.add(Upstream.id("g" + i));
            org.add(new String[] {g.get(i - 1), i <= 3 ? m2 : m3, "Growth"});
        }
        upstream.people(org);
        for (String candidate : concat(p, g)) {
            upstream.level(candidate, framework, "PM", LocalDate.of(2025, 1, 1));
        }

        String earlier = cycle(framework, "H1", chairP, memberP, chairG, memberG);
        Map<String, String> earlierCases = new LinkedHashMap<>();
        for (String candidate : p.subList(0, 5)) {
            earlierCases.put(candidate, nominate(earlier, m1, candidate, "SPM"));
        }
        review(framework, earlier, earlierCases, 9);
        List<String> earlierOutcomes = List.of("PROMOTED", "PROMOTED", "NOT_PROMOTED", "NOT_PROMOTED",
                "NOT_PROMOTED");
        int i = 0;
        for (String id : earlierCases.values()) {
            decide(id, chairP, memberP, earlierOutcomes.get(i++), CaseFixture.SPM_COMPETENCIES);
        }

        String current = cycle(framework, "H2", chairP, memberP, chairG, memberG);
        Map<String, String> payments = new LinkedHashMap<>();
        for (String candidate : p) {
            payments.put(candidate, nominate(current, m1, candidate, "SPM"));
        }
        Map<String, String> growth = new LinkedHashMap<>();
        for (int k = 0; k < 5; k++) {
            growth.put(g.get(k), nominate(current, k < 3 ? m2 : m3, g.get(k), k < 3 ? "SPM" : "GPM"));
        }
        given().auth().oauth2(HR).post("/api/v1/nominations/{id}/withdraw", payments.remove(p.get(6))).then()
                .statusCode(200);
        review(framework, current, payments, 9);
        review(framework, current, growth, 3);
        int n = 0;
        for (String id : payments.values()) {
            decide(id, chairP, memberP, n++ < 5 ? "PROMOTED" : "NOT_PROMOTED", CaseFixture.SPM_COMPETENCIES);
        }
        List<String> growthIds = List.copyOf(growth.values());
        decide(growthIds.get(0), chairG, memberG, "PROMOTED", CaseFixture.SPM_COMPETENCIES);
        decide(growthIds.get(1), chairG, memberG, "NOT_PROMOTED", CaseFixture.SPM_COMPETENCIES);
        decide(growthIds.get(2), chairG, memberG, "NOT_PROMOTED", CaseFixture.SPM_COMPETENCIES);
        decide(growthIds.get(3), chairG, memberG, "NOT_PROMOTED", GPM_COMPETENCIES);
        return new Seeded(framework, earlier, current, chairP, m1);
    }

    private static String cycle(String framework, String name, String chairP, String memberP, String chairG,
            String memberG) {
        String cycle = given().auth().oauth2(HR).contentType(ContentType.JSON).body(Map.of("name", name,
                "frameworkKey", framework, "orgUnits", List.of("Payments", "Growth"), "windows", CaseFixture.WINDOWS))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        CaseFixture.committee(cycle, "Payments", 2, chairP, memberP);
        CaseFixture.committee(cycle, "Growth", 2, chairG, memberG);
        CaseFixture.transition(cycle, "OPEN_NOMINATIONS");
        return cycle;
    }

    private static String nominate(String cycle, String manager, String candidate, String target) {
        String id = given().auth().oauth2(token(manager)).contentType(ContentType.JSON).body(Map.of("cycleId", cycle,
                "candidateId", candidate, "targetLevel", target, "justification", "Ready"))
                .post("/api/v1/nominations").then().statusCode(201).extract().path("id");
        CaseFixture.submit(id).then().statusCode(200);
        return id;
    }

    /** Sends each case's packet (the given number of READY competencies) and waits until all are in review. */
    private static void review(String framework, String cycle, Map<String, String> cases, int ready) {
        cases.forEach((candidate, id) -> {
            UpstreamEvents.send("leveling.evidence", id, "/evidence-service",
                    "org.leveling.evidence.packet-assembled.v1", CaseFixture.packet(framework, candidate, id, ready));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> cases.values().stream().allMatch(id -> "IN_REVIEW"
                .equals(given().auth().oauth2(HR).get("/api/v1/nominations/{id}", id).path("status"))));
        if (!"IN_REVIEW".equals(given().auth().oauth2(HR).get("/api/v1/cycles/{id}", cycle).path("state"))) {
            CaseFixture.transition(cycle, "START_REVIEW");
        }
    }

    private static void decide(String id, String chair, String member, String outcome, List<String> competencies) {
        String choice = "PROMOTED".equals(outcome) ? "APPROVE" : "REJECT";
        CaseFixture.vote(chair, id, choice).then().statusCode(201);
        CaseFixture.vote(member, id, choice).then().statusCode(201);
        CaseFixture.decide(chair, id, CaseFixture.decision(outcome, null, competencies)).then().statusCode(201);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
