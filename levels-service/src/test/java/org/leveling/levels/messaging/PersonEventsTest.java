package org.leveling.levels.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.outbox.Outbox;
import org.leveling.common.outbox.OutboxEvent;
import org.leveling.common.outbox.OutboxRelay;
import org.leveling.common.testing.EventSchemas;
import org.leveling.common.testing.KafkaBrokerControl;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PersonEventsTest {

    private static final String TYPE = PersonUpsertedV1.TYPE;
    private static final String HR_ADMIN = Tokens.forEmployee("HR1", "hr-admin");

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    void committedUpsertPublishesOneSchemaValidCloudEventKeyedByEmployeeId() throws Exception {
        String id = newId();
        put(id, "Ada Lovelace").then().statusCode(201);

        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecords(Topics.PEOPLE, id, r -> !r.isEmpty()).get(0);

        assertThat(event.key()).isEqualTo(id);
        assertThat(KafkaTestClient.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(TYPE);
        assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/levels-service");
        assertThat(KafkaTestClient.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaTestClient.header(event, "content-type")).isEqualTo("application/json");
        assertThat(Instant.parse(KafkaTestClient.header(event, "ce_time"))).isBefore(Instant.now());
        EventSchemas.assertValid(TYPE, event.value());
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(payload.get("revision").asLong()).isEqualTo(1);
        assertThat(payload.has("email")).as("no contact data in events").isFalse();
        String eventId = KafkaTestClient.header(event, "ce_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowSent(eventId));
    }

    @Test
    void identicalUpsertPublishesNothingAndAChangePublishesTheNextRevision() throws Exception {
        String id = newId();
        put(id, "Alan Turing").then().statusCode(201);
        put(id, "Alan Turing").then().statusCode(200);
        put(id, "Alan M. Turing").then().statusCode(200);

        List<ConsumerRecord<String, String>> events =
                KafkaTestClient.awaitRecords(Topics.PEOPLE, id, r -> r.size() >= 2);

        assertThat(events).hasSize(2);
        assertThat(json.readTree(events.get(1).value()).get("revision").asLong()).isEqualTo(2);
        assertThat(json.readTree(events.get(1).value()).get("name").asText()).isEqualTo("Alan M. Turing");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String key = newId();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record(new OutboxEvent("leveling.test.outbox", "test", key, "org.leveling.test.rolled-back.v1",
                    Map.of("n", 1)));
            throw new IllegalStateException("the change failed after its event was recorded");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> outbox.record(new OutboxEvent("leveling.test.outbox", "test", key,
                "org.leveling.test.committed.v1", Map.of("n", 2))));

        List<ConsumerRecord<String, String>> events =
                KafkaTestClient.awaitRecords("leveling.test.outbox", key, r -> !r.isEmpty());

        // Same key, same partition, relayed in write order: had the rolled-back event existed, it would come first.
        assertThat(events).extracting(e -> KafkaTestClient.header(e, "ce_type"))
                .containsExactly("org.leveling.test.committed.v1");
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregateid = :key")
                .setParameter("key", key).getSingleResult());
        assertThat(rows.longValue()).isEqualTo(1L);
    }

    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        CountDownLatch otherInstanceHoldsOutbox = new CountDownLatch(1);
        CountDownLatch otherInstanceDone = new CountDownLatch(1);
        // Another instance of the service, mid-batch: it holds the relay's transaction-scoped lock.
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    entityManager.createNativeQuery(
                            "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))")
                            .getSingleResult();
                    otherInstanceHoldsOutbox.countDown();
                    awaitQuietly(otherInstanceDone);
                }));
        assertThat(otherInstanceHoldsOutbox.await(30, TimeUnit.SECONDS)).isTrue();
        String id = newId();
        try {
            put(id, "Written while another relay works").then().statusCode(201);

            assertThat(relay.relayBatch()).as("rows published while another relay holds the outbox").isZero();
            assertThat(KafkaTestClient.recordsWithKey(Topics.PEOPLE, id)).isEmpty();
        } finally {
            otherInstanceDone.countDown();
            otherInstance.get(30, TimeUnit.SECONDS);
        }

        assertThat(KafkaTestClient.awaitRecords(Topics.PEOPLE, id, r -> !r.isEmpty())).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsArriveInOrderAfterItReturns() throws Exception {
        String id = newId();
        put(id, "Revision 1").then().statusCode(201);
        KafkaTestClient.awaitRecords(Topics.PEOPLE, id, r -> !r.isEmpty());

        KafkaBrokerControl.stop();
        try {
            IntStream.rangeClosed(2, 20).forEach(n -> put(id, "Revision " + n).then().statusCode(200));
        } finally {
            KafkaBrokerControl.start();
        }

        // At least once: a batch whose commit Kafka applied while the relay saw a timeout is sent
        // again with the same ce_id (consumers skip it). Nothing may be lost or reordered.
        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.PEOPLE, id,
                r -> r.stream().map(e -> KafkaTestClient.header(e, "ce_id")).distinct().count() >= 20);
        Map<String, Long> revisionById = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> event : events) {
            Long earlier = revisionById.putIfAbsent(KafkaTestClient.header(event, "ce_id"), readRevision(event.value()));
            assertThat(earlier).as("a redelivered id carries the same event").isIn(null, readRevision(event.value()));
        }
        assertThat(revisionById.values()).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    private long readRevision(String payload) {
        try {
            return json.readTree(payload).get("revision").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean outboxRowSent(String eventId) {
        Number sent = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE id = :id AND sent_at IS NOT NULL")
                .setParameter("id", UUID.fromString(eventId)).getSingleResult());
        return sent.longValue() == 1L;
    }

    private static io.restassured.response.Response put(String id, String name) {
        return given().auth().oauth2(HR_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", "someone@example.com", "orgUnit", "Payments",
                        "jobFamily", "product-management", "track", "ic"))
                .put("/api/v1/people/{id}", id);
    }

    private static String newId() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
