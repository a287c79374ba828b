package org.leveling.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leveling.promotion.api.CaseFixture.HR;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live dashboard's stream: a decision committed reaches a connected client as a change of its
 * cycle, heard from the topic by this instance's feed; the stream says that something changed, never
 * the numbers or the case; and only those who may see the calibration may listen.
 */
@QuarkusTest
class LiveCalibrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

        try (Stream stream = Stream.open(base, cycle, analyst)) {
            assertThat(stream.next().path("change").asText()).isEqualTo("CONNECTED");

            CaseFixture.decide(org.chair, nomination, CaseFixture.decision("PROMOTED", null)).then().statusCode(201);

            JsonNode change = stream.nextOtherThan("HEARTBEAT");
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

    /** A client of the stream: the data of each Server-Sent Event, as JSON, in arrival order. */
    private static final class Stream implements AutoCloseable {
        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final Thread reader;
        private final BufferedReader body;

        private Stream(BufferedReader body) {
            this.body = body;
            reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(URL base, String cycle, String token) throws Exception {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(changes(base, cycle)).header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            return new Stream(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
        }

        private void read() {
            try {
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    if (line.startsWith("data:")) {
                        events.add(JSON.readTree(line.substring("data:".length()).strip()));
                    }
                }
            } catch (Exception e) {
                // The stream was closed.
            }
        }

        JsonNode next() throws InterruptedException {
            JsonNode event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 s").isNotNull();
            return event;
        }

        JsonNode nextOtherThan(String change) throws InterruptedException {
            JsonNode event = next();
            while (change.equals(event.path("change").asText())) {
                event = next();
            }
            return event;
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.interrupt();
        }
    }
}
