package org.leveling.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.KafkaBrokerControl;
import org.leveling.common.testing.KafkaTestClient;
import org.leveling.common.testing.LoadBalancer;
import org.leveling.common.testing.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Nothing lost, nothing applied twice, no request failed by an instance's death. Two instances of
 * levels-service and of evidence-service (the platform's and a second one on the same database
 * and broker), each pair behind the load balancer of deploy/local/run, take writes from eight
 * clients while, in turn: one
 * levels-service instance and one evidence-service instance are killed (SIGKILL) and restarted,
 * the Kafka broker is killed and restarted, and PostgreSQL crashes (immediate shutdown) and
 * restarts. Then every acknowledged write has exactly one row, exactly one distinct event on its
 * topic (read_committed) and exactly one inbox entry in every consumer; nothing is parked; the
 * consumer groups' lag reads 0. The counts are printed.
 *
 * <p>The balancer sends a request an instance refused to the other one; a request already in
 * flight on the instance that died it answers 503 (it cannot replay a body it has streamed), and
 * the client repeats it, as any client repeats a PUT or a POST with an Idempotency-Key. Those are
 * counted apart; any other failure fails the test.
 */
class FaultInjectionTest {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS_PER_SERVICE = 4;
    private static final String DATABASE_DOWN = "database crashed";
    private static final String DATABASE_RECOVERING = "database restarting";

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicReference<String> phase = new AtomicReference<>("steady load");
    private final AtomicBoolean writing = new AtomicBoolean(true);
    /** Per phase, the answers the clients got (status → count), retries included. */
    private final Map<String, Map<Integer, LongAdder>> answers = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> acknowledgedPeople = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedEvidence = ConcurrentHashMap.newKeySet();
    private final LongAdder repeatedAfterInstanceDeath = new LongAdder();

    // HTTP/1.1: one connection per client, as browsers and most API clients talk to a load balancer.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Platform platform;
    private EvidenceAuthors authors;
    private final Path root = Path.of(System.getProperty("leveling.root.dir"));

    @Test
    void underInstanceKillsABrokerKillAndADatabaseCrashEveryAcknowledgedWriteHasOneRowOneEventAndOneApplication()
            throws Exception {
        platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
        Instant started = Instant.now();
        authors = EvidenceAuthors.seed(platform, platform.url("evidence-service"), "faults-" + run,
                "FLT-" + run + "-A", WRITERS_PER_SERVICE);
        ServiceProcess levelsB = ServiceProcess.launch(root, "levels-service", "levels-service-b",
                platform.serviceEnvironment());
        ServiceProcess evidenceB = ServiceProcess.launch(root, "evidence-service", "evidence-service-b",
                platform.serviceEnvironment());
        levelsB.awaitReady();
        evidenceB.awaitReady();
        // The load balancer deploy/local/run --instances 2 puts in front of each service.
        LoadBalancer levelsBalancer = LoadBalancer.start("levels-balancer",
                List.of(platform.url("levels-service"), levelsB.baseUrl()));
        LoadBalancer evidenceBalancer = LoadBalancer.start("evidence-balancer",
                List.of(platform.url("evidence-service"), evidenceB.baseUrl()));
        URI levels = URI.create(levelsBalancer.url());
        URI evidence = URI.create(evidenceBalancer.url());

        ExecutorService clients = Executors.newFixedThreadPool(2 * WRITERS_PER_SERVICE);
        List<Future<?>> writers = new ArrayList<>();
        AtomicInteger nextPerson = new AtomicInteger();
        for (String author : authors.ids()) {
            AtomicInteger nextItem = new AtomicInteger();
            writers.add(clients.submit(() -> writePeople(levels, nextPerson)));
            writers.add(clients.submit(() -> writeEvidence(evidence, author, nextItem)));
        }
        try {
            Thread.sleep(5_000);
            levelsB = killAndRestart(levelsB, "levels-service", "a levels-service instance killed");
            evidenceB = killAndRestart(evidenceB, "evidence-service", "an evidence-service instance killed");
            enter("broker killed");
            KafkaBrokerControl.kill();
            Thread.sleep(15_000);
            KafkaBrokerControl.start();
            enter("broker restarted");
            Thread.sleep(5_000);
            enter(DATABASE_DOWN);
            platform.crashDatabase();
            Thread.sleep(5_000);
            enter(DATABASE_RECOVERING);
            platform.restartDatabase();
            Thread.sleep(5_000);
            enter("recovered");
            Thread.sleep(5_000);
        } finally {
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get();
            }
            clients.shutdown();
        }

        try {
            verify(started);
        } finally {
            levelsBalancer.stop();
            evidenceBalancer.stop();
            levelsB.stop();
            evidenceB.stop();
        }
    }

    private void verify(Instant started) throws Exception {
        try (Connection db = platform.database()) {
            // Everything committed reaches the broker, and both consumers catch up to it.
            for (String schema : new String[] {"levels", "evidence"}) {
                await().atMost(Duration.ofSeconds(120)).until(() -> count(db,
                        "SELECT count(*) FROM " + schema + ".outbox_event WHERE sent_at IS NULL") == 0);
            }
            try (Admin admin = ConsumerLag.admin()) {
                for (String[] subscription : new String[][] {{"evidence-service.v3", "leveling.levels.people"},
                        {"promotion-service.v3", "leveling.levels.people"}, {"promotion-service.v3", "leveling.evidence"}}) {
                    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                            ConsumerLag.of(admin, subscription[0], subscription[1]))
                            .as("lag of %s on %s", subscription[0], subscription[1]).isZero());
                }
            }

            Map<String, Long> personRows = countBy(db, "SELECT employee_id, count(*) FROM levels.person "
                    + "WHERE employee_id LIKE ? GROUP BY employee_id", "FLT-" + run + "-P%");
            Map<String, Long> evidenceRows = countBy(db, "SELECT idempotency_key, count(*) FROM evidence.evidence "
                    + "WHERE author_id LIKE ? GROUP BY idempotency_key", "FLT-" + run + "-A%");
            Map<String, String> evidenceIds = pairs(db, "SELECT id::text, idempotency_key FROM evidence.evidence "
                    + "WHERE author_id LIKE ?", "FLT-" + run + "-A%");

            Map<String, Set<String>> personEvents = distinctEventIds("leveling.levels.people",
                    "org.leveling.people.person-upserted.v1", r -> r.key(), acknowledgedPeople::contains);
            Map<String, Set<String>> evidenceEvents = distinctEventIds("leveling.evidence",
                    "org.leveling.evidence.submitted.v1", r -> evidenceIds.get(evidenceIdOf(r)),
                    acknowledgedEvidence::contains);
            long copies = redeliveredCopies("leveling.levels.people") + redeliveredCopies("leveling.evidence");

            Set<String> personEventIds = union(personEvents);
            Set<String> evidenceEventIds = union(evidenceEvents);
            Map<String, Long> applications = new LinkedHashMap<>();
            applications.put("evidence-service ← person-upserted", notOnce(db, "evidence", personEventIds, true));
            applications.put("promotion-service ← person-upserted", notOnce(db, "promotion", personEventIds, true));
            applications.put("promotion-service ← evidence submitted", notOnce(db, "promotion", evidenceEventIds, false));
            long directoryNotFromTheEvent = 0;
            for (String schema : new String[] {"evidence", "promotion"}) {
                Map<String, String> sources = pairs(db, "SELECT employee_id, source_event_id FROM " + schema
                        + ".directory_person WHERE employee_id LIKE ?", "FLT-" + run + "-P%");
                for (String person : acknowledgedPeople) {
                    Set<String> events = personEvents.getOrDefault(person, Set.of());
                    if (events.size() != 1 || !events.contains(sources.get(person))) {
                        directoryNotFromTheEvent++;
                    }
                }
            }
            long parked = 0;
            for (String schema : new String[] {"levels", "evidence", "promotion"}) {
                parked += count(db, "SELECT count(*) FROM " + schema + ".inbox_parked_event WHERE parked_at >= ?",
                        Timestamp.from(started));
            }

            long missingRows = missing(acknowledgedPeople, personRows) + missing(acknowledgedEvidence, evidenceRows);
            long duplicatedRows = overOne(personRows) + overOne(evidenceRows);
            long unacknowledgedRows = personRows.keySet().stream().filter(k -> !acknowledgedPeople.contains(k)).count()
                    + evidenceRows.keySet().stream().filter(k -> !acknowledgedEvidence.contains(k)).count();
            long missingEvents = missingKeys(acknowledgedPeople, personEvents) + missingKeys(acknowledgedEvidence,
                    evidenceEvents);
            long duplicatedEvents = personEvents.values().stream().filter(s -> s.size() > 1).count()
                    + evidenceEvents.values().stream().filter(s -> s.size() > 1).count();
            long appliedOtherThanOnce = applications.values().stream().mapToLong(Long::longValue).sum()
                    + directoryNotFromTheEvent;

            System.out.printf("""
                    Fault injection (two instances of levels-service and evidence-service, %d clients):
                      answers per phase (HTTP status → count, retries included): %s
                      requests in flight on a killed instance, answered 503 by the load balancer and repeated: %d
                      acknowledged writes: %d people, %d evidence items (%d in all)
                      rows missing %d, duplicated %d, committed but never acknowledged %d
                      events missing %d, duplicated (a second distinct event for one write) %d; redelivered copies of an event %d
                      applications other than exactly once %d (%s; directory rows not from their event %d)
                      parked events %d
                      failed requests (anything but a 2xx, a 503 while the database was down or one repeated above) %d
                    """, 2 * WRITERS_PER_SERVICE, answers, repeatedAfterInstanceDeath.sum(),
                    acknowledgedPeople.size(), acknowledgedEvidence.size(),
                    acknowledgedPeople.size() + acknowledgedEvidence.size(), missingRows, duplicatedRows,
                    unacknowledgedRows, missingEvents, duplicatedEvents, copies, appliedOtherThanOnce, applications,
                    directoryNotFromTheEvent, parked, failures.size());

            assertThat(failures).as("requests that failed").isEmpty();
            assertThat(acknowledgedPeople).as("acknowledged person upserts").hasSizeGreaterThan(100);
            assertThat(acknowledgedEvidence).as("acknowledged evidence").hasSizeGreaterThan(100);
            assertThat(missingRows).as("acknowledged writes without their row").isZero();
            assertThat(duplicatedRows).as("writes with more than one row").isZero();
            assertThat(missingEvents).as("acknowledged writes without their event").isZero();
            assertThat(duplicatedEvents).as("writes with more than one distinct event").isZero();
            assertThat(appliedOtherThanOnce).as("events not applied exactly once by every consumer").isZero();
            assertThat(parked).as("parked events").isZero();
        }
    }

    /** Upserts new people until told to stop; a 503 (database down) is retried, as Retry-After asks. */
    private void writePeople(URI levels, AtomicInteger next) {
        while (writing.get()) {
            String id = "FLT-" + run + "-P" + next.incrementAndGet();
            String body = "{\"name\": \"Fault Tester " + id + "\", \"email\": \"" + id.toLowerCase() + "@example.com\"}";
            write(HttpRequest.newBuilder(levels.resolve("/api/v1/people/" + id))
                    .header("Authorization", "Bearer " + HR).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)), id, acknowledgedPeople);
        }
    }

    /** Submits evidence with an Idempotency-Key, so a request repeated on the other instance is not a second item. */
    private void writeEvidence(URI evidence, String author, AtomicInteger next) {
        String token = EvidenceAuthors.token(author);
        String body = authors.evidenceBody(author);
        while (writing.get()) {
            String key = author + "-" + next.incrementAndGet();
            write(HttpRequest.newBuilder(evidence.resolve("/api/v1/evidence?submit=true"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)), key,
                    acknowledgedEvidence);
        }
    }

    private void write(HttpRequest.Builder request, String what, Set<String> acknowledged) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String during = phase.get();
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(70)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // Counted under the phase in which the answer came: a request sent just before a kill
                // and cut off by it belongs to the kill.
                answers.computeIfAbsent(phase.get(), p -> new ConcurrentHashMap<>())
                        .computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                if (response.statusCode() / 100 == 2) {
                    acknowledged.add(what);
                    return;
                }
                if (fromTheBalancer(response)) {
                    // The instance died with the request in flight (the balancer retries only refused connections):
                    // repeated, as a client repeats a PUT or a POST with an Idempotency-Key.
                    repeatedAfterInstanceDeath.increment();
                    continue;
                }
                boolean databaseDown = during.equals(DATABASE_DOWN) || during.equals(DATABASE_RECOVERING)
                        || phase.get().equals(DATABASE_DOWN) || phase.get().equals(DATABASE_RECOVERING);
                if (response.statusCode() == 503 && databaseDown
                        && response.headers().firstValue("Retry-After").isPresent()) {
                    Thread.sleep(250);
                    continue;
                }
                fail(what + " during '" + during + "': " + response.statusCode() + " " + response.body());
                return;
            }
            fail(what + ": no 2xx within 120 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            fail(what + ": " + e);
        }
    }

    /** An error the load balancer made up (no service answered): not problem+json, which every service answer is. */
    private static boolean fromTheBalancer(HttpResponse<String> response) {
        return response.statusCode() >= 502 && response.statusCode() <= 504
                && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private synchronized void fail(String failure) {
        failures.add(failure);
    }

    private ServiceProcess killAndRestart(ServiceProcess instance, String service, String during)
            throws InterruptedException {
        enter(during);
        instance.kill();
        Thread.sleep(3_000);
        ServiceProcess restarted = ServiceProcess.launch(root, service, service + "-b-restarted",
                platform.serviceEnvironment(), instance.port());
        restarted.awaitReady();
        enter("steady load");
        Thread.sleep(3_000);
        return restarted;
    }

    private void enter(String next) {
        System.out.println("[faults] " + Instant.now() + " " + next);
        phase.set(next);
    }

    /** Per write (what {@code writeOf} names; null: not one of ours), the distinct ce_ids of its events of {@code type}. */
    private static Map<String, Set<String>> distinctEventIds(String topic, String type,
            java.util.function.Function<ConsumerRecord<String, String>, String> writeOf,
            java.util.function.Predicate<String> ours) {
        Map<String, Set<String>> events = new HashMap<>();
        for (ConsumerRecord<String, String> record : KafkaTestClient.readAll(topic)) {
            if (!type.equals(KafkaTestClient.header(record, "ce_type"))) {
                continue;
            }
            String write = writeOf.apply(record);
            if (write != null && ours.test(write)) {
                events.computeIfAbsent(write, w -> new java.util.HashSet<>()).add(KafkaTestClient.header(record, "ce_id"));
            }
        }
        return events;
    }

    /** Records on the topic beyond the first with the same ce_id (the relay published a batch again; consumers skip them). */
    private static long redeliveredCopies(String topic) {
        Map<String, Long> perId = KafkaTestClient.readAll(topic).stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(KafkaTestClient.header(r, "ce_id")),
                        Collectors.counting()));
        return perId.values().stream().mapToLong(n -> n - 1).sum();
    }

    private static String evidenceIdOf(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("evidenceId").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** Events of {@code ids} the consumer in {@code schema} did not record exactly once (as applied, when required). */
    private static long notOnce(Connection db, String schema, Set<String> ids, boolean mustApply) throws Exception {
        Map<String, String> outcomes = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT event_id, outcome FROM " + schema
                + ".inbox_processed_event WHERE event_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return ids.stream().filter(id -> !outcomes.containsKey(id) || mustApply && !"APPLIED".equals(outcomes.get(id)))
                .count();
    }

    private static Set<String> union(Map<String, Set<String>> events) {
        return events.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static long missing(Set<String> acknowledged, Map<String, Long> rows) {
        return acknowledged.stream().filter(k -> !rows.containsKey(k)).count();
    }

    private static long missingKeys(Set<String> acknowledged, Map<String, Set<String>> events) {
        return acknowledged.stream().filter(k -> !events.containsKey(k)).count();
    }

    private static long overOne(Map<String, Long> rows) {
        return rows.values().stream().filter(n -> n > 1).count();
    }

    private static long count(Connection db, String sql, Object... args) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Column 1 → column 2 (as text) of the rows {@code sql} finds for its one LIKE parameter. */
    private static Map<String, String> pairs(Connection db, String sql, String like) throws Exception {
        Map<String, String> pairs = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, like);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairs.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return pairs;
    }

    /** As {@link #pairs}, for a count per key. */
    private static Map<String, Long> countBy(Connection db, String sql, String like) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        pairs(db, sql, like).forEach((key, count) -> counts.put(key, Long.parseLong(count)));
        return counts;
    }
}
