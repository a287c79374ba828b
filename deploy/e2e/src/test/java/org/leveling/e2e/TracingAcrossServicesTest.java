package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;
import org.leveling.e2e.TraceCollector.ReceivedSpan;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;

/**
 * One trace follows a change across services: the REST call in levels-service, the outbox row it
 * writes, the record the relay publishes (its {@code traceparent} header) and the handling of that
 * record in evidence-service and promotion-service, as the services export it to a collector.
 */
class TracingAcrossServicesTest {

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
    }

    @Test
    void aPersonUpsertIsOneTraceFromTheRestCallInLevelsServiceToItsHandlingInEvidenceService() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        String person = "E2E-" + UUID.randomUUID().toString().substring(0, 8);

        given().baseUri(platform.url("levels-service")).auth().oauth2(Tokens.forEmployee("HR1", "hr-admin"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body(Map.of("name", "Radia Perlman", "email", "radia@example.com"))
                .put("/api/v1/people/{id}", person).then().statusCode(201);

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecords("leveling.levels.people", person,
                records -> !records.isEmpty()).get(0);
        String eventId = KafkaTestClient.header(record, "ce_id");
        assertThat(KafkaTestClient.header(record, "traceparent")).as("the published record's trace context")
                .startsWith("00-" + traceId + "-");

        ReceivedSpan handled = await().atMost(Duration.ofSeconds(60)).until(() -> platform.traces()
                .spansOfTrace(traceId).stream().filter(span -> span.service().equals("evidence-service")
                        && span.kind() == SpanKind.SPAN_KIND_CONSUMER && eventId.equals(span.messageId()))
                .findFirst(), found -> found.isPresent()).orElseThrow();

        List<ReceivedSpan> trace = platform.traces().spansOfTrace(traceId);
        ReceivedSpan request = only(trace, "levels-service", SpanKind.SPAN_KIND_SERVER);
        // A batch Kafka refused (e.g. while a fresh broker elects its transaction coordinator) is
        // retried whole: each refused attempt leaves a failed producer span, one attempt succeeds.
        ReceivedSpan published = only(trace.stream().filter(span -> !span.failed()).toList(), "levels-service",
                SpanKind.SPAN_KIND_PRODUCER);
        assertThat(request.parentSpanId()).as("the REST call continues its caller's trace").isEqualTo(callerSpanId);
        assertThat(published.messageId()).isEqualTo(eventId);
        assertThat(published.parentSpanId()).as("the relay publishes in the request's trace")
                .isEqualTo(request.spanId());
        assertThat(KafkaTestClient.header(record, "traceparent")).as("the record carries the producer span")
                .isEqualTo("00-" + traceId + "-" + published.spanId() + "-01");
        assertThat(handled.parentSpanId()).as("evidence-service handles the record in the producer's trace")
                .isEqualTo(published.spanId());
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, SpanKind kind) {
        List<ReceivedSpan> matching = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertThat(matching).as("%s spans of %s in %s", kind, service, trace).hasSize(1);
        return matching.get(0);
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never the all-zero (invalid) id
        return HexFormat.of().formatHex(id);
    }
}
