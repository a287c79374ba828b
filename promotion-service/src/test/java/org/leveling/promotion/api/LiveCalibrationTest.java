package org.leveling.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leveling.promotion.api.CaseFixture.HR;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.EventStreamClient;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live dashboard's stream: a decision committed reaches a connected client as a change of its
 * cycle, heard from the topic by this instance's feed; the stream says that something changed, never
 * the numbers or the case; and only those who may see the calibration may listen.
 */
@QuarkusTest
class LiveCalibrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCommittedDecisionReachesAConnectedDashboardOfItsCycle() throws Exception {
        CaseFixture org = new CaseFixture(catalog, people);
        String cycle = org.cycle(1, org.chair, org.member);
        String nomination = org.caseInReview(cycle, 9);
        CaseFixture.vote(org.member, nomination, "APPROVE").then().statusCode(201);
        String analyst = Tokens.forEmployee(Upstream.id("analyst"), "employee", "analyst");

        try (EventStreamClient stream = EventStreamClient.open(changes(base, cycle), analyst)) {
            assertThat(stream.next(WAIT).data().path("change").asText()).isEqualTo("CONNECTED");

            CaseFixture.decide(org.chair, nomination, CaseFixture.decision("PROMOTED", null)).then().statusCode(201);

            JsonNode change = stream.nextWithout("change", "HEARTBEAT", WAIT).data();
            assertThat(change.path("change").asText()).isEqualTo("DECIDED");
            assertThat(change.path("cycleId").asText()).isEqualTo(cycle);
            // Nothing an analyst's aggregate view would not give: no case, no outcome, no numbers.
            assertThat(change.fieldNames()).toIterable().containsExactlyInAnyOrder("cycleId", "change", "at");
        }
    }

    @Test
    void onlyThoseWhoMaySeeTheCalibrationMayListen() throws Exception {
        CaseFixture org = new CaseFixture(catalog, people);
        String cycle = org.cycle(1, org.chair, org.member);
        HttpClient client = HttpClient.newHttpClient();

        assertThat(status(client, cycle, CaseFixture.token(org.manager))).isEqualTo(403);
        assertThat(status(client, "00000000-0000-0000-0000-000000000000", HR)).isEqualTo(404);
        assertThat(status(client, cycle, null)).isEqualTo(401);
    }

    private int status(HttpClient client, String cycle, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(changes(base, cycle)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static URI changes(URL base, String cycle) {
        return URI.create(base + "api/v1/cycles/" + cycle + "/calibration/changes");
    }
}
