package org.leveling.common.testing.badinput;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.RawHttp;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.badinput.Probe.Caller;
import org.leveling.common.testing.badinput.Probe.Expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hostile input against every operation of the service's own OpenAPI document (see
 * {@link HostileRequests}): no answer is ever a 5xx, every 4xx is problem+json whose {@code status}
 * is the response's, control characters are a 400 naming the parameter or field, and what must be
 * refused is refused without changing a row of the service's tables (the outbox included). Each
 * service runs it through a {@code @QuarkusTest} subclass.
 */
public abstract class BadInputContract {

    private static final Logger LOG = Logger.getLogger(BadInputContract.class);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int FAILURES_SHOWN = 60;

    @Inject
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void hostileInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        long started = System.nanoTime();
        JsonNode document = json.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        OpenApiOperations openApi = new OpenApiOperations(document);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        HostileRequests hostile = new HostileRequests(openApi, new SampleValues(openApi, runId),
                document.path("info").path("title").asText().hashCode());
        List<Probe> refused = new ArrayList<>();
        List<Probe> tolerated = new ArrayList<>();
        List<OpenApiOperations.Operation> operations = openApi.all();
        for (OpenApiOperations.Operation operation : operations) {
            for (Probe probe : hostile.of(operation)) {
                (probe.expect() == Expect.REFUSED ? refused : tolerated).add(probe);
            }
        }
        Map<Caller, String> tokens = Map.of(Caller.HR_ADMIN, Tokens.forEmployee("FZHR" + runId, "hr-admin"),
                Caller.EMPLOYEE, Tokens.forEmployee("FZE" + runId, "employee"));
        Tally tally = new Tally();

        Map<String, Long> before = settledRowCounts();
        for (Probe probe : refused) {
            check(probe, send(probe, tokens, "bad-input-r-" + tally.requests), tally);
        }
        Map<String, Long> after = RowCounts.of(dataSource);
        for (Probe probe : tolerated) {
            check(probe, send(probe, tokens, "bad-input-t-" + tally.requests), tally);
        }
        for (Probe probe : hostile.outsideTheApi()) {
            checkOutsideTheApi(probe, send(probe, tokens, "bad-input-o-" + tally.requests), tally);
        }

        LOG.infof("Bad input: %d operations, %d requests (%d to be refused), %d answered with a 5xx, %d failures, "
                + "%.1f s", operations.size(), tally.requests, refused.size(), tally.serverErrors,
                tally.failures.size(), (System.nanoTime() - started) / 1e9);
        assertThat(operations).as("operations in the OpenAPI document").isNotEmpty();
        assertThat(tally.failures).as("%d of %d hostile requests were answered wrongly (first %d shown)",
                tally.failures.size(), tally.requests, FAILURES_SHOWN)
                .satisfies(failures -> assertThat(failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())))
                        .isEmpty());
        assertThat(after).as("rows of the service's tables after the requests that must be refused")
                .isEqualTo(before);
        assertThat(changesAuditedAsSucceeded("bad-input-r-%")).as("audited changes of refused requests").isZero();
    }

    /** The row counts once two readings a second apart agree (events of earlier tests may still be landing). */
    private Map<String, Long> settledRowCounts() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> now = RowCounts.of(dataSource);
            return last.getAndSet(now).equals(now) ? now : null;
        }, counts -> counts != null);
    }

    private RawHttp.Answer send(Probe probe, Map<Caller, String> tokens, String correlationId) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(probe.headers());
        headers.put("X-Correlation-Id", correlationId);
        // As a browser's client would: JSON, or the event stream where that is all an operation produces.
        headers.put("Accept", "application/json, text/event-stream;q=0.5");
        if (tokens.containsKey(probe.caller())) {
            headers.put("Authorization", "Bearer " + tokens.get(probe.caller()));
        }
        if (probe.contentType() != null) {
            headers.put("Content-Type", probe.contentType());
        }
        return RawHttp.send(probe.method() + " " + probe.target() + " HTTP/1.1", headers, probe.body());
    }

    private void check(Probe probe, RawHttp.Answer answer, Tally tally) {
        tally.requests++;
        int status = answer.status();
        if (status >= 500 || status < 0) {
            tally.serverErrors++;
            tally.fail(probe, "answered " + status + ": " + shortened(answer.body()));
            return;
        }
        if (status < 400) {
            if (probe.expect() == Expect.REFUSED) {
                tally.fail(probe, "accepted with " + status + ": " + shortened(answer.body()));
            }
            return;
        }
        if (probe.codecMayRefuse() && answer.body().isEmpty() && (status == 400 || status == 414)) {
            return; // The HTTP codec refused the request line before any route (docs/security.md, known gaps).
        }
        String problem = problemIssue(answer);
        if (problem != null) {
            tally.fail(probe, problem);
            return;
        }
        if (probe.caller() == Caller.ANONYMOUS && probe.target().startsWith("/api/") && status != 401) {
            tally.fail(probe, "answered " + status + " to a caller without a token, not 401");
        } else if (probe.namedField() != null && status != 403 && !names(answer, probe.namedField())) {
            tally.fail(probe, "answered " + status + " without naming " + probe.namedField() + ": "
                    + shortened(answer.body()));
        }
    }

    /** Health, metrics, OpenAPI and static files are not the REST API: only a 5xx is wrong there. */
    private void checkOutsideTheApi(Probe probe, RawHttp.Answer answer, Tally tally) {
        tally.requests++;
        if (answer.status() >= 500 || answer.status() < 0) {
            tally.serverErrors++;
            tally.fail(probe, "answered " + answer.status() + ": " + shortened(answer.body()));
        } else if (probe.target().startsWith("/api/") && answer.status() >= 400 && problemIssue(answer) != null) {
            tally.fail(probe, problemIssue(answer));
        }
    }

    /** Why a 4xx is not a proper problem, or null. */
    private String problemIssue(RawHttp.Answer answer) {
        String type = answer.header("content-type");
        if (type == null || !type.startsWith(PROBLEM_JSON)) {
            return "answered " + answer.status() + " as " + type + ", not " + PROBLEM_JSON + ": "
                    + shortened(answer.body());
        }
        try {
            JsonNode body = json.readTree(answer.body());
            if (body.path("status").asInt() != answer.status()) {
                return "answered " + answer.status() + " with a problem of status " + body.path("status");
            }
            return null;
        } catch (IOException e) {
            return "answered " + answer.status() + " with a body that is not JSON: " + shortened(answer.body());
        }
    }

    private boolean names(RawHttp.Answer answer, String field) {
        try {
            JsonNode body = json.readTree(answer.body());
            if (answer.status() != 400) {
                return false;
            }
            for (JsonNode error : body.path("errors")) {
                if (error.path("field").asText().equals(field)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private long changesAuditedAsSucceeded(String correlationIds) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE correlation_id LIKE ? AND outcome = 'SUCCEEDED'")) {
            query.setString(1, correlationIds);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String shortened(String text) {
        String single = text.replaceAll("\\s+", " ");
        return single.length() > 300 ? single.substring(0, 300) + "..." : single;
    }

    private static final class Tally {
        int requests;
        int serverErrors;
        final List<String> failures = new ArrayList<>();

        void fail(Probe probe, String why) {
            failures.add(probe + ": " + why);
        }
    }
}
