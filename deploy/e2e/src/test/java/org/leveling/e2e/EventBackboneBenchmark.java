package org.leveling.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.leveling.common.events.CloudEventHeaders;
import org.leveling.common.testing.KafkaBrokerControl;
import org.leveling.common.testing.Tokens;

/**
 * Measures the event backbone on this machine and prints ratios against baselines measured in the
 * same run (deploy/bench/event-backbone runs it). Not part of `mvn verify`: timings on shared
 * machines are noisy, so they are reported, never asserted.
 *
 * <ol>
 * <li>commit→applied latency: PUT /people in levels-service until evidence-service's read model
 * holds the change (outbox timestamp → directory row applied_at, same PostgreSQL clock source);</li>
 * <li>relay throughput against a raw idempotent KafkaProducer sending the same records;</li>
 * <li>write throughput with the broker down against with it up.</li>
 * </ol>
 */
class EventBackboneBenchmark {

    private static final int LATENCY_EVENTS = Integer.getInteger("bench.latency.events", 1000);
    private static final int RELAY_EVENTS = Integer.getInteger("bench.relay.events", 20000);
    private static final int WRITES = Integer.getInteger("bench.writes", 600);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    /** Writes per second in the paced latency run: well below saturation, like a real organisation. */
    private static final int LATENCY_RATE = Integer.getInteger("bench.latency.rate", 50);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String hrAdminToken = Tokens.forEmployee("BENCH", "hr-admin");
    private Platform platform;

    @Test
    void eventBackbone() throws Exception {
        // A short fallback poll, so the relay test (rows inserted by SQL, no commit wake-up) starts promptly.
        platform = Platform.start(Map.of("LEVELING_MESSAGING_OUTBOX_POLL_INTERVAL", "50ms"),
                "levels-service", "evidence-service");
        List<String> report = new ArrayList<>();
        report.add("Event backbone benchmark — " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");

        upsertMany("warmup", 300, CLIENTS);
        report.add(latency(LATENCY_RATE));
        report.add(latency(0));
        report.addAll(relayThroughput());
        report.addAll(writesWithBrokerDown());

        // deploy/bench/event-backbone prints this file.
        String text = String.join(System.lineSeparator(), report);
        Path out = Path.of(System.getProperty("leveling.root.dir"), "deploy/e2e/target/bench/event-backbone.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + System.lineSeparator());
    }

    /** Latency at {@code rate} writes per second, or as fast as {@link #CLIENTS} clients go when 0. */
    private String latency(int rate) throws Exception {
        String prefix = "lat-" + UUID.randomUUID().toString().substring(0, 6);
        double achieved = rate > 0 ? upsertPaced(prefix, LATENCY_EVENTS, rate) : upsertMany(prefix, LATENCY_EVENTS, CLIENTS);
        await().atMost(Duration.ofMinutes(3)).until(() -> count(
                "SELECT count(*) FROM evidence.directory_person WHERE employee_id LIKE '" + prefix + "-%'")
                == LATENCY_EVENTS);
        try (Connection db = platform.database(); Statement sql = db.createStatement();
                ResultSet r = sql.executeQuery("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms),
                               max(ms), count(*),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY pickup_ms),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY ms - pickup_ms)
                        FROM (SELECT extract(epoch FROM d.applied_at - o."timestamp") * 1000 AS ms,
                                     extract(epoch FROM o.sent_at - o."timestamp") * 1000 AS pickup_ms
                              FROM evidence.directory_person d
                              JOIN levels.outbox_event o ON o.id::text = d.source_event_id
                              WHERE d.employee_id LIKE '%s-%%') latencies
                        """.formatted(prefix))) {
            r.next();
            return String.format(
                    "commit→applied latency levels→evidence, %d events at %s (%.0f writes/s): p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms   [targets: p50 ≤ 50 ms, p99 ≤ 250 ms]"
                            + "%n  (p50 of the parts: write→relay round start %.1f ms, relay round start→applied %.1f ms)",
                    r.getLong(4), rate > 0 ? "a paced rate" : "saturation, " + CLIENTS + " clients", achieved,
                    r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(5), r.getDouble(6));
        }
    }

    private List<String> relayThroughput() throws Exception {
        String relayTopic = "leveling.bench.relay";
        String rawTopic = "leveling.bench.raw";
        String bootstrap = System.getProperty("kafka.bootstrap.servers");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(relayTopic, 3, (short) 1), new NewTopic(rawTopic, 3, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        String payload = "{\"employeeId\":\"E-000000\",\"name\":\"Benchmark Person\",\"managerId\":\"E-000001\","
                + "\"orgUnit\":\"Payments\",\"jobFamily\":\"product-management\",\"track\":\"ic\",\"revision\":1,"
                + "\"upsertedAt\":\"2026-01-01T00:00:00Z\"}";

        // Baseline: the same number of records, same size and headers, same producer settings.
        long rawStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sends = new ArrayList<>(RELAY_EVENTS);
            for (int i = 0; i < RELAY_EVENTS; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(rawTopic, "agg-" + (i % 1000),
                        payload.getBytes(StandardCharsets.UTF_8));
                CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/bench",
                        "org.leveling.bench.v1", Instant.now().toString(), "agg-" + (i % 1000));
                sends.add(producer.send(record));
            }
            producer.flush();
            for (Future<?> send : sends) {
                send.get();
            }
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        long relayStart;
        try (Connection db = platform.database(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO levels.outbox_event (id, aggregatetype, aggregateid, type, payload, "timestamp", topic)
                SELECT gen_random_uuid(), 'bench', 'agg-' || (n % 1000), 'org.leveling.bench.v1', CAST(? AS jsonb),
                       now(), ?
                FROM generate_series(1, ?) n
                """)) {
            insert.setString(1, payload);
            insert.setString(2, relayTopic);
            insert.setInt(3, RELAY_EVENTS);
            insert.executeUpdate();
            relayStart = System.nanoTime();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> count(
                "SELECT count(*) FROM levels.outbox_event WHERE topic = 'leveling.bench.relay' AND sent_at IS NULL") == 0);
        double relaySeconds = (System.nanoTime() - relayStart) / 1e9;

        double raw = RELAY_EVENTS / rawSeconds;
        double relay = RELAY_EVENTS / relaySeconds;
        return List.of(String.format(
                "relay throughput: %.0f events/s; raw KafkaProducer baseline: %.0f events/s; ratio %.2f   [target ≥ 0.5]"
                        + "%n  (%d events; relay timed from commit of the rows to the last marked sent)",
                relay, raw, relay / raw, RELAY_EVENTS));
    }

    private List<String> writesWithBrokerDown() throws Exception {
        double up = upsertMany("up-" + UUID.randomUUID().toString().substring(0, 6), WRITES, CLIENTS);
        KafkaBrokerControl.stop();
        double down;
        try {
            down = upsertMany("down-" + UUID.randomUUID().toString().substring(0, 6), WRITES, CLIENTS);
        } finally {
            KafkaBrokerControl.start();
        }
        long restarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(3)).until(() -> count(
                "SELECT count(*) FROM levels.outbox_event WHERE sent_at IS NULL") == 0);
        double catchUp = (System.nanoTime() - restarted) / 1e9;
        return List.of(String.format(
                "writes (PUT /people, %d clients): broker up %.0f/s, broker down %.0f/s; ratio %.2f   [target ≥ 0.9]"
                        + "%n  (%d writes each; backlog published %.1f s after the broker was back)",
                CLIENTS, up, down, down / up, WRITES, catchUp));
    }

    /** Upserts {@code n} new people at {@code rate} per second; returns the rate achieved. */
    private double upsertPaced(String prefix, int n, int rate) throws Exception {
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < n) {
                pacer.execute(() -> {
                    try {
                        put(prefix + "-" + i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                });
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        pacer.shutdownNow();
        return n / seconds;
    }

    /** Upserts {@code n} new people from {@code clients} threads; returns requests per second. */
    private double upsertMany(String prefix, int n, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    put(prefix + "-" + i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return n / seconds;
    }

    private void put(String id) throws IOException, InterruptedException {
        String body = "{\"name\":\"Bench " + id + "\",\"email\":\"" + id + "@example.com\",\"orgUnit\":\"Payments\","
                + "\"jobFamily\":\"product-management\",\"track\":\"ic\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(platform.url("levels-service") + "/api/v1/people/" + id))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + hrAdminToken).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT %s: %s", id, response.body()).isIn(200, 201);
    }

    private long count(String sql) throws SQLException {
        try (Connection db = platform.database(); Statement statement = db.createStatement();
                ResultSet r = statement.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
