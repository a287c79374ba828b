package org.leveling.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.leveling.common.inbox.InboxProcessor;
import org.leveling.common.people.DirectoryPerson;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.people.PersonUpserted;
import org.leveling.common.security.AccessPolicy;
import org.leveling.common.security.Caller;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A service that keeps the people read model applies levels-service's person events from the
 * broker exactly once, in revision order, survives poison records and replays. The events sent
 * here are checked against the producer's schema first, so this also proves the contract.
 */
public abstract class PeopleDirectoryContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    PeopleDirectory directory;

    @Inject
    InboxProcessor inbox;

    @Inject
    AccessPolicy access;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    public void personEventsBuildTheDirectoryWithManagementChains() {
        String top = id("top");
        String middle = id("mid");
        String report = id("rep");
        publish(person(top, "Grace", null, 1));
        publish(person(middle, "Barbara", top, 1));
        publish(person(report, "Edsger", middle, 1));

        awaitPerson(report, 1);
        assertThat(directory.find(report).orElseThrow().name()).isEqualTo("Edsger");
        assertThat(directory.managementChain(report)).containsExactly(middle, top);
        assertThat(directory.manages(top, report)).isTrue();
        assertThat(directory.manages(report, top)).isFalse();
    }

    @Test
    public void accessToAnEmployeeFollowsTheManagementChainInTheReadModel() {
        String director = id("dir");
        String manager = id("mgr");
        String report = id("emp");
        publish(person(director, "Director", null, 1));
        publish(person(manager, "Manager", director, 1));
        publish(person(report, "Report", manager, 1));
        awaitPerson(report, 1);

        assertThat(access.mayAccessEmployee(Caller.authenticated(report, Set.of("employee")), report)).isTrue();
        assertThat(access.mayAccessEmployee(Caller.authenticated(manager, Set.of("manager")), report)).isTrue();
        assertThat(access.mayAccessEmployee(Caller.authenticated(director, Set.of("manager")), report)).isTrue();
        assertThat(access.mayAccessEmployee(Caller.authenticated("HR1", Set.of("hr-admin")), report)).isTrue();
        assertThat(access.mayAccessEmployee(Caller.authenticated(report, Set.of("employee")), manager)).isFalse();
        assertThat(access.mayAccessEmployee(Caller.authenticated("someone", Set.of("manager")), report)).isFalse();
        assertThat(access.mayAccessEmployee(Caller.ANONYMOUS, report)).isFalse();
    }

    @Test
    public void aStaleRevisionNeverOverwritesANewerOne() {
        String person = id("stale");
        publish(person(person, "Newer name", null, 2));
        String staleId = publish(person(person, "Older name", null, 1));

        awaitProcessed(staleId);
        assertThat(directory.find(person).orElseThrow())
                .extracting(DirectoryPerson::name, DirectoryPerson::revision)
                .containsExactly("Newer name", 2L);
    }

    @Test
    public void aRedeliveredEventIdIsAppliedOnce() {
        String person = id("dup");
        String eventId = UUID.randomUUID().toString();
        publish(eventId, person(person, "First delivery", null, 1));
        publish(eventId, person(person, "Same id, other data", null, 2));
        String sentinel = publish(person(id("after-dup"), "Sentinel", null, 1));

        awaitProcessed(sentinel);
        assertThat(directory.find(person).orElseThrow().name()).isEqualTo("First delivery");
    }

    @Test
    public void poisonRecordsAreParkedWithTheReasonAndTheNextEventIsApplied() {
        String notJsonKey = id("poison-json");
        String invalidKey = id("poison-invalid");
        String next = id("after-poison");
        KafkaTestClient.send(PersonUpserted.TOPIC, notJsonKey,
                headers(UUID.randomUUID().toString(), notJsonKey), "{not json");
        Map<String, Object> missingName = person(invalidKey, "x", null, 1);
        missingName.remove("name");
        KafkaTestClient.send(PersonUpserted.TOPIC, invalidKey, headers(UUID.randomUUID().toString(), invalidKey),
                write(missingName));
        KafkaTestClient.send(PersonUpserted.TOPIC, id("no-envelope"), Map.of(), "{}");
        String longIdKey = id("poison-long-id");
        KafkaTestClient.send(PersonUpserted.TOPIC, longIdKey, headers("x".repeat(300), longIdKey),
                write(person(longIdKey, "Long id", null, 1)));
        String nulKey = id("poison-nul") + "\u0000";
        KafkaTestClient.send(PersonUpserted.TOPIC, nulKey, headers(UUID.randomUUID().toString(), nulKey),
                write(person(id("nul"), "Nul \u0000 name", null, 1)));
        publish(person(next, "Applied after poison", null, 1));

        awaitPerson(next, 1);
        assertThat(parkedReason(notJsonKey)).contains("not JSON");
        assertThat(parkedReason(invalidKey)).contains("name");
        assertThat(parkedReason(longIdKey)).contains("longer than 255");
        assertThat(directory.find(longIdKey)).isEmpty();
        assertThat(directory.find(invalidKey)).isEmpty();
    }

    @Test
    public void replayingTheTopicFromOffsetZeroChangesNothing() {
        String person = id("replay");
        String last = publish(person(person, "Replayed", null, 1));
        awaitProcessed(last);
        List<?> before = snapshot();

        // Every record from offset 0, as a new consumer group would receive it, through the consumer's own path.
        inbox.processAll(KafkaTestClient.readAllBytes(PersonUpserted.TOPIC));

        assertThat(snapshot()).isEqualTo(before);
    }

    private String publish(Map<String, Object> person) {
        return publish(UUID.randomUUID().toString(), person);
    }

    /** Sends a schema-valid person-upserted event as levels-service's relay would; returns its id. */
    private String publish(String eventId, Map<String, Object> person) {
        String payload = write(person);
        EventSchemas.assertValid(PersonUpserted.TYPE, payload);
        String key = (String) person.get("employeeId");
        KafkaTestClient.send(PersonUpserted.TOPIC, key, headers(eventId, key), payload);
        return eventId;
    }

    private static Map<String, String> headers(String eventId, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/levels-service",
                "ce_type", PersonUpserted.TYPE, "ce_time", Instant.now().toString(), "ce_subject", subject,
                "content-type", "application/json");
    }

    private static Map<String, Object> person(String employeeId, String name, String managerId, long revision) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("employeeId", employeeId);
        person.put("name", name);
        person.put("managerId", managerId);
        person.put("orgUnit", "Payments");
        person.put("jobFamily", "product-management");
        person.put("track", "ic");
        person.put("revision", revision);
        person.put("upsertedAt", Instant.now().toString());
        return person;
    }

    private void awaitPerson(String employeeId, long revision) {
        await().atMost(WAIT).until(() -> directory.find(employeeId).map(p -> p.revision() == revision).orElse(false));
    }

    private void awaitProcessed(String eventId) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).intValue() == 1));
    }

    private String parkedReason(String key) {
        return await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<String> reasons = entityManager
                    .createNativeQuery("SELECT reason FROM inbox_parked_event WHERE record_key = :key", String.class)
                    .setParameter("key", key).getResultList();
            return reasons.isEmpty() ? null : reasons.get(0);
        }), reason -> reason != null);
    }

    /** The whole read model, the inbox and the parked records, as comparable values. */
    private List<Object> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> Arrays.asList((Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT json_agg(p ORDER BY employee_id)::text FROM directory_person p),
                       (SELECT count(*) FROM inbox_processed_event),
                       (SELECT count(*) FROM inbox_parked_event)
                """).getSingleResult()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
