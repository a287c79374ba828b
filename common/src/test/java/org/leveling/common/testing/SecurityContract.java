package org.leveling.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.leveling.common.audit.AnonymousRefusals;
import org.leveling.common.web.Cursors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Authentication, function-level roles, the audit trail and the request limits, the same in every
 * service. Each service runs it through a {@code @QuarkusTest} subclass.
 */
public abstract class SecurityContract {

    private static final String AUDIT = "/api/v1/audit";
    private static final String ANONYMOUS_REFUSALS = "/api/v1/audit/anonymous-refusals";

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    public void requestWithoutTokenIsA401ProblemWithABearerChallenge() {
        Response response = given().get(AUDIT);

        response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }

    @Test
    public void expiredForgedWrongIssuerAndWrongAudienceTokensAreRefused() {
        Tokens.Token valid = Tokens.token("E1", Set.of("hr-admin"));
        for (Tokens.Token bad : List.of(valid.expiringAt(Instant.now().minusSeconds(3600)), valid.forged(),
                valid.withIssuer("https://attacker.example"), valid.withAudience("another-api"))) {
            given().auth().oauth2(bad.sign()).get(AUDIT).then()
                    .statusCode(401).contentType("application/problem+json");
        }
        given().auth().oauth2(valid.sign()).get(AUDIT).then().statusCode(200);
    }

    @Test
    public void auditTrailIsForHrAdminOnly() {
        given().auth().oauth2(Tokens.forEmployee("E1", "employee", "manager")).get(AUDIT).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forEmployee("HR1", "hr-admin")).get(AUDIT).then()
                .statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    public void everyMutatingCallLeavesExactlyOneAuditRowWithActorAndStates() throws SQLException {
        String scenario = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> calls = new ArrayList<>();
        Map<String, Object> item = Map.of("name", "n", "count", 1);
        // 1, 2: succeeded changes; 3: wrong role; 4: no token (counted, not written: see below); 5: invalid body.
        call(calls, scenario, Tokens.forEmployee("E7", "employee")).body(item).post("/test-probe/notes/a").then()
                .statusCode(200);
        call(calls, scenario, Tokens.forEmployee("E7", "employee")).body(item).post("/test-probe/notes/b").then()
                .statusCode(200);
        call(calls, scenario, Tokens.forEmployee("E8", "manager")).body(item).put("/test-probe/guarded/c").then()
                .statusCode(403);
        call(calls, scenario, null).body(item).put("/test-probe/guarded/c").then().statusCode(401);
        call(calls, scenario, Tokens.forEmployee("HR1", "hr-admin")).body(Map.of("count", 1))
                .put("/test-probe/guarded/c").then().statusCode(400);

        // Refusals decided before a worker thread is involved (401, 403) are written just after the response.
        List<Map<String, Object>> rows = await().atMost(Duration.ofSeconds(10))
                .until(() -> auditRows(calls), r -> r.size() >= calls.size() - 1);
        assertThat(rows).extracting(r -> r.get("actor"), r -> r.get("outcome"), r -> r.get("status"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("E7", "SUCCEEDED", null),
                        org.assertj.core.groups.Tuple.tuple("E7", "SUCCEEDED", null),
                        org.assertj.core.groups.Tuple.tuple("E8", "REFUSED", 403),
                        org.assertj.core.groups.Tuple.tuple("HR1", "REFUSED", 400));
        assertThat(rows.get(0).get("after").toString()).contains("\"name\": \"n\"");
        assertThat(rows.get(0).get("resource")).isEqualTo("note/a");
        assertThat(rows.get(2).get("after")).isNull();
        given().auth().oauth2(Tokens.forEmployee("HR1", "hr-admin"))
                .queryParam("resourceType", "note").queryParam("resourceId", "b").queryParam("actor", "E7")
                .get(AUDIT).then().statusCode(200)
                .body("items[0].action", equalTo("POST /test-probe/notes/b"))
                .body("items[0].after.count", equalTo(1))
                .body("items[0].before", nullValue());
    }

    @Test
    public void anonymousRefusalsAreCountedPerMinuteRouteAndAddressWhileAuthenticatedOnesAreRowsEach()
            throws SQLException {
        String route = "/test-probe/notes/{id}";
        long before = anonymousRefusals("POST", route, 401);
        Instant start = Instant.now().minusSeconds(1);
        List<String> anonymous = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Another path each time: the count goes by route template, so random ids add no rows.
            call(anonymous, "anonymous", null).body(Map.of("name", "n", "count", 1))
                    .post("/test-probe/notes/" + UUID.randomUUID()).then().statusCode(401);
        }
        List<String> authenticated = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            call(authenticated, "refused", Tokens.forEmployee("E8", "manager")).body(Map.of("name", "n", "count", 1))
                    .put("/test-probe/guarded/g").then().statusCode(403);
        }

        // Counted just after each response, on a worker thread.
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymousRefusals("POST", route, 401) - before == 40);
        assertThat(anonymousRefusalRows("POST", route, start)).as("one row per minute").isBetween(1, 2);
        assertThat(auditRows(anonymous)).isEmpty();
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> auditRows(authenticated), r -> r.size() == 3))
                .extracting(r -> r.get("actor")).containsOnly("E8");
        given().auth().oauth2(Tokens.forEmployee("HR1", "hr-admin"))
                .queryParam("from", start.truncatedTo(ChronoUnit.MINUTES).toString()).queryParam("limit", 200)
                .get(ANONYMOUS_REFUSALS).then().statusCode(200)
                .body("items.find { it.route == '" + route + "' }.refusals", org.hamcrest.Matchers.greaterThan(0))
                .body("items.find { it.route == '" + route + "' }.method", equalTo("POST"))
                .body("items.find { it.route == '" + route + "' }.status", equalTo(401));
    }

    @Test
    public void aSprayOfClientAddressesCannotGrowTheCountsBeyondTheCapOfAMinute() throws SQLException {
        int cap = 5;
        int sprayed = 60;
        // Its own cap, so the spray does not fill the minute other tests count in.
        AnonymousRefusals counter = new AnonymousRefusals(entityManager, () -> () -> cap);
        long otherBefore = anonymousRefusals("*", AnonymousRefusals.OTHER, 401);
        for (int i = 0; i < sprayed; i++) {
            AnonymousRefusals.Refusal refusal = new AnonymousRefusals.Refusal("POST", "/test-probe/spray",
                    "198.51.100." + i, 401);
            QuarkusTransaction.requiringNew().run(() -> counter.count(refusal));
        }

        long own = anonymousRefusals("POST", "/test-probe/spray", 401);
        long folded = anonymousRefusals("*", AnonymousRefusals.OTHER, 401) - otherBefore;
        assertThat(own + folded).isEqualTo(sprayed);
        // Two minutes at most if the spray crosses a minute boundary.
        assertThat(anonymousRefusalRows("POST", "/test-probe/spray", Instant.EPOCH)).isLessThanOrEqualTo(2 * cap);
    }

    @Test
    public void theCountsOfAnonymousRefusalsAreForHrAdminPagedAndOnlyCountUp() throws SQLException {
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "count", 1)).post("/test-probe/notes/x")
                .then().statusCode(401);
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymousRefusals("POST", "/test-probe/notes/{id}", 401) > 0);
        given().auth().oauth2(Tokens.forEmployee("E1", "employee", "manager")).get(ANONYMOUS_REFUSALS).then()
                .statusCode(403);
        given().get(ANONYMOUS_REFUSALS).then().statusCode(401);
        Response first = given().auth().oauth2(hr).queryParam("limit", 1).get(ANONYMOUS_REFUSALS);
        first.then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        String cursor = first.jsonPath().getString("nextCursor");
        if (cursor != null) {
            long firstId = first.jsonPath().getLong("items[0].id");
            given().auth().oauth2(hr).queryParam("limit", 1).queryParam("cursor", cursor).get(ANONYMOUS_REFUSALS)
                    .then().statusCode(200).body("items[0].id", org.hamcrest.Matchers.lessThan((int) firstId));
        }
        given().auth().oauth2(hr).queryParam("cursor", Cursors.encodeId("audit", 5)).get(ANONYMOUS_REFUSALS).then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE audit_anonymous_refusal SET refusals = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only counts up");
            assertThatThrownBy(() -> sql.execute("DELETE FROM audit_anonymous_refusal"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("TRUNCATE audit_anonymous_refusal"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    public void aRefusedCallWithAControlCharacterInItsPathIsAuditedWithThePathEncoded() throws SQLException {
        List<String> calls = new ArrayList<>();
        call(calls, "control", Tokens.forEmployee("E12", "employee")).urlEncodingEnabled(false)
                .body(Map.of("name", "n", "count", 1)).post("/test-probe/notes/a%00b%0Ac").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));

        assertThat(auditRows(calls)).singleElement()
                .satisfies(row -> assertThat(row.get("actor")).isEqualTo("E12"))
                .satisfies(row -> assertThat(row.get("action")).isEqualTo("POST /test-probe/notes/a%00b%0Ac"))
                .satisfies(row -> assertThat(row.get("status")).isEqualTo(400));
    }

    @Test
    public void theCallerIsTheTokensSubjectEvenWhenItCarriesAnotherLoginName() throws SQLException {
        List<String> calls = new ArrayList<>();
        String token = Tokens.token("E11", Set.of("employee")).withUpn("ada.lovelace@example.com").sign();
        call(calls, "subject", token).body(Map.of("name", "n", "count", 1)).post("/test-probe/notes/s").then()
                .statusCode(200);

        assertThat(auditRows(calls)).singleElement()
                .satisfies(row -> assertThat(row.get("actor")).isEqualTo("E11"));
    }

    @Test
    public void aTokenWhoseSubjectIsNotAnEmployeeIdIsRefused() {
        // Such an id would reach audit rows and events whose schemas only allow employee ids.
        String token = Tokens.token("ada.lovelace@example.com", Set.of("employee")).sign();
        given().auth().oauth2(token).contentType("application/json").body(Map.of("name", "n", "count", 1))
                .post("/test-probe/notes/s").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    public void aChangeThatForgotToAuditItselfStillLeavesARow() throws SQLException {
        List<String> calls = new ArrayList<>();
        call(calls, "unaudited", Tokens.forEmployee("E9", "employee")).body(Map.of("name", "n", "count", 1))
                .post("/test-probe/unaudited").then().statusCode(200);

        assertThat(auditRows(calls)).singleElement()
                .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("SUCCEEDED"))
                .satisfies(row -> assertThat(row.get("actor")).isEqualTo("E9"));
    }

    @Test
    public void theDatabaseRefusesToRewriteTheAuditTrail() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO audit_log (actor, roles, action, outcome) VALUES ('test', '[]', 'probe', 'SUCCEEDED')");
            assertThatThrownBy(() -> sql.execute("UPDATE audit_log SET actor = 'someone-else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("TRUNCATE audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    public void pageSizeOverTheMaximumIsA400() {
        given().auth().oauth2(Tokens.forEmployee("HR1", "hr-admin")).queryParam("limit", 1000).get(AUDIT).then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    public void auditPagesFollowTheCursor() {
        String hr = Tokens.forEmployee("HR1", "hr-admin");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.forEmployee("E10", "employee")).contentType(ContentType.JSON)
                    .body(Map.of("name", "n", "count", i)).post("/test-probe/notes/page-" + i).then().statusCode(200);
        }
        Response first = given().auth().oauth2(hr).queryParam("actor", "E10").queryParam("limit", 2).get(AUDIT);
        String cursor = first.jsonPath().getString("nextCursor");
        List<Long> firstIds = first.jsonPath().getList("items.id", Long.class);

        List<Long> secondIds = given().auth().oauth2(hr).queryParam("actor", "E10").queryParam("limit", 2)
                .queryParam("cursor", cursor).get(AUDIT).jsonPath().getList("items.id", Long.class);

        assertThat(firstIds).hasSize(2);
        assertThat(secondIds).isNotEmpty().allSatisfy(id -> assertThat(id).isLessThan(firstIds.get(1)));
        given().auth().oauth2(hr).queryParam("cursor", "not-a-cursor").get(AUDIT).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    public void oversizeBodyIsA413Problem() {
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"count\": 1}";
        given().auth().oauth2(Tokens.forEmployee("E1", "employee")).contentType(ContentType.JSON).body(huge)
                .post("/test-probe/notes/huge").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    public void corsAllowsOnlyConfiguredOrigins() {
        given().header("Origin", "http://localhost:8083").header("Access-Control-Request-Method", "GET")
                .options(AUDIT).then().header("Access-Control-Allow-Origin", "http://localhost:8083");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options(AUDIT).then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    public void apiResponsesCarrySecurityHeaders() {
        given().get(AUDIT).then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"));
    }

    @Test
    public void openApiOffersBearerAuthentication() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    private static RequestSpecification call(List<String> calls, String scenario, String token) {
        String correlationId = scenario + "-" + calls.size();
        calls.add(correlationId);
        RequestSpecification request = given().contentType(ContentType.JSON).header("X-Correlation-Id", correlationId);
        return token == null ? request : request.auth().oauth2(token);
    }

    private List<Map<String, Object>> auditRows(List<String> correlationIds) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement("""
                SELECT actor, outcome, status, before_state::text, after_state::text,
                       resource_type || '/' || resource_id, action
                FROM audit_log WHERE correlation_id = ANY (?) ORDER BY array_position(?, correlation_id)""")) {
            query.setArray(1, db.createArrayOf("varchar", correlationIds.toArray()));
            query.setArray(2, db.createArrayOf("varchar", correlationIds.toArray()));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("actor", r.getString(1));
                    row.put("outcome", r.getString(2));
                    row.put("status", r.getObject(3) == null ? null : r.getInt(3));
                    row.put("before", r.getString(4));
                    row.put("after", r.getString(5));
                    row.put("resource", r.getString(6));
                    row.put("action", r.getString(7));
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private long anonymousRefusals(String method, String route, int status) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement("""
                SELECT coalesce(sum(refusals), 0) FROM audit_anonymous_refusal
                WHERE method = ? AND route = ? AND status = ?""")) {
            query.setString(1, method);
            query.setString(2, route);
            query.setInt(3, status);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private int anonymousRefusalRows(String method, String route, Instant since) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM audit_anonymous_refusal
                WHERE method = ? AND route = ? AND last_at >= ?::timestamptz""")) {
            query.setString(1, method);
            query.setString(2, route);
            query.setString(3, since.toString());
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
