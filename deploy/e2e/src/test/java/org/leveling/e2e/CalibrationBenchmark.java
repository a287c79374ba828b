package org.leveling.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.leveling.common.testing.Tokens;

/**
 * Calibration of a cycle with 100,000 decided cases (and an earlier cycle of the same scope with as
 * many, for drift), served by promotion-service, against the database answering the same queries
 * directly over JDBC in the same run (deploy/bench/calibration runs it). Latency one request
 * after another, as a dashboard asks; reported, never asserted.
 *
 * <p>The cases are inserted with SQL, not through the API: 200,000 decisions through votes and
 * quorum would take the benchmark hours and measure something else.
 */
class CalibrationBenchmark {

    private static final int DECISIONS = Integer.getInteger("bench.decisions", 100_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 300);
    private static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmup.requests", 200);
    private static final int ORG_UNITS = 40;
    private static final int MANAGERS = 2_000;
    private static final String CURRENT = "00000000-0000-4000-8000-00000000bc01";
    private static final String EARLIER = "00000000-0000-4000-8000-00000000be01";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void calibration() throws Exception {
        Platform platform = Platform.start(Map.of(), "promotion-service");
        String units = IntStream.range(0, ORG_UNITS).mapToObj(i -> "\"Unit " + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        try (Connection db = platform.database()) {
            seed(db, EARLIER, "be", "2026 H1", units, "2026-05-01T00:00:00Z", 0.05);
            seed(db, CURRENT, "bc", "2026 H2", units, "2026-11-01T00:00:00Z", 0.0);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE promotion.nomination");
            }
        }
        URI uri = URI.create(platform.url("promotion-service") + "/api/v1/cycles/" + CURRENT + "/calibration");
        String token = Tokens.forEmployee("HR1", "hr-admin");
        // The cases went in with SQL, past the ledger the service keeps as cases change: recompute it.
        long rebuildStart = System.nanoTime();
        for (String cycle : List.of(EARLIER, CURRENT)) {
            HttpResponse<String> rebuilt = http.send(HttpRequest.newBuilder(URI.create(platform.url("promotion-service")
                    + "/api/v1/cycles/" + cycle + "/calibration/rebuild")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (rebuilt.statusCode() != 200) {
                throw new IllegalStateException("rebuild answered " + rebuilt.statusCode() + ": " + rebuilt.body());
            }
        }
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        int[] size = new int[1];
        Load.Request calibration = () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                size[0] = response.body().length();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Load.sequential(calibration, WARM_UP_REQUESTS);
        Load.Latency service = Load.sequential(calibration, REQUESTS);

        try (Connection db = platform.database()) {
            Load.Request queries = () -> baselineQueries(db);
            Load.sequential(queries, WARM_UP_REQUESTS);
            Load.Latency database = Load.sequential(queries, REQUESTS);

            List<String> report = List.of(
                    "Calibration benchmark — " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                            + " cores; cycle of " + DECISIONS + " decided cases (" + ORG_UNITS + " org units, "
                            + MANAGERS + " managers, 6 levels, 2 tracks) + an earlier cycle of as many; "
                            + REQUESTS + " requests one after another; response " + size[0] + " bytes",
                    String.format("rebuilding both cycles' numbers from their cases (POST …/calibration/rebuild, "
                            + "once, not the measured path): %.1f s", rebuildSeconds),
                    String.format("database alone (the same queries over JDBC): p50 %.1f ms, p99 %.1f ms",
                            database.p50(), database.p99()),
                    String.format("GET /api/v1/cycles/{id}/calibration: p50 %.1f ms, p99 %.1f ms   [target p99 ≤ 100 ms]; "
                            + "p99 ratio to the database alone %.2f", service.p50(), service.p99(),
                            service.p99() / database.p99()));
            Path out = Path.of(System.getProperty("leveling.root.dir"), "deploy/e2e/target/bench/calibration.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.join(System.lineSeparator(), report) + System.lineSeparator());
        }
    }

    /** A cycle and its decided cases; {@code bias} shifts promotion rates so drift shows. */
    private static void seed(Connection db, String cycle, String tag, String name, String units, String createdAt,
            double bias)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO promotion.cycle (id, name, framework_key, org_units, nominations_from, nominations_to,
                    review_from, review_to, calibration_from, calibration_to, state, revision, created_at, created_by,
                    updated_at)
                VALUES (?, ?, 'bench-pm', CAST(? AS jsonb), DATE '2026-01-01', DATE '2026-01-31', DATE '2026-02-01',
                    DATE '2026-02-28', DATE '2026-03-01', DATE '2026-03-15', 'CALIBRATING', 1, CAST(? AS timestamptz),
                    'HR1', now())
                """)) {
            insert.setString(1, cycle);
            insert.setString(2, name);
            insert.setString(3, units);
            insert.setString(4, createdAt);
            insert.executeUpdate();
        }
        // Promotion chances differ by org unit (0.2 … 0.59), so some units are outliers.
        try (PreparedStatement cases = db.prepareStatement("""
                INSERT INTO promotion.nomination (id, cycle_id, candidate_id, nominator_id, framework_key,
                    framework_version, target_level, justification, status, eligible_members, revision, created_at,
                    updated_at, submitted_at, candidate_org_unit, candidate_manager_id, target_track, readiness_score,
                    decision_id, outcome, override)
                SELECT ? || '-' || g, ?, 'E' || g, 'M' || (g % ?), 'bench-pm', 1,
                       (ARRAY['PM', 'SPM', 'PPM', 'GPM', 'DIR', 'SDIR'])[1 + g % 6], 'Bench case', 'DECIDED', '[]', 3,
                       now(), now(), now(), 'Unit ' || (g % ?), 'M' || (g % ?),
                       CASE WHEN g % 6 < 3 THEN 'ic' ELSE 'management' END, round(random()::numeric, 4),
                       ? || '-d' || g, x.outcome, g % 17 = 0
                FROM generate_series(1, ?) g,
                     LATERAL (SELECT CASE WHEN random() < 0.2 + (g % ?) / 100.0 + ? THEN 'PROMOTED'
                                          WHEN random() < 0.8 THEN 'NOT_PROMOTED' ELSE 'DEFERRED' END AS outcome) x
                """)) {
            cases.setString(1, tag);
            cases.setString(2, cycle);
            cases.setInt(3, MANAGERS);
            cases.setInt(4, ORG_UNITS);
            cases.setInt(5, MANAGERS);
            cases.setString(6, tag);
            cases.setInt(7, DECISIONS);
            cases.setInt(8, ORG_UNITS);
            cases.setDouble(9, bias);
            cases.executeUpdate();
        }
        try (PreparedStatement decisions = db.prepareStatement("""
                INSERT INTO promotion.decision (id, nomination_id, cycle_id, candidate_id, outcome, rationale,
                    effective_date, approvals, rejections, abstentions, majority, override, override_reason,
                    decided_by, decided_at)
                SELECT decision_id, id, cycle_id, candidate_id, outcome, '{"summary": "Bench", "competencies": []}',
                       DATE '2026-12-01', 2, 1, 0, 'PROMOTED', override,
                       CASE WHEN override THEN 'Bench override' END, 'M1', now()
                FROM promotion.nomination WHERE cycle_id = ?
                """)) {
            decisions.setString(1, cycle);
            decisions.executeUpdate();
        }
    }

    /** What CalibrationService asks the database for one calibration: both cycles' groups, earlier totals. */
    private static void baselineQueries(Connection db) {
        try {
            for (String cycle : List.of(CURRENT, EARLIER)) {
                try (PreparedStatement groups = db.prepareStatement("""
                        SELECT dimension, group_key, nominations, decided, promoted, not_promoted, deferred, overrides,
                               readiness_sum, readiness_count
                        FROM promotion.calibration_group WHERE cycle_id = ? AND nominations > 0
                        """)) {
                    groups.setString(1, cycle);
                    drain(groups);
                }
            }
            try (PreparedStatement totals = db.prepareStatement("""
                    SELECT cycle_id, nominations, decided, promoted FROM promotion.calibration_group
                    WHERE dimension = 'overall' AND cycle_id IN (?)
                    """)) {
                totals.setString(1, EARLIER);
                drain(totals);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(PreparedStatement query) throws Exception {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }
}
