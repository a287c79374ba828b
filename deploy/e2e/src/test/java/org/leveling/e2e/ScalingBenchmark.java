package org.leveling.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.LoadBalancer;
import org.leveling.common.testing.Tokens;

/**
 * One instance against two on this machine (deploy/bench/scaling runs it; reported, never asserted):
 * <ol>
 * <li>evidence intake ({@code POST /api/v1/evidence?submit=true}, 8 wrk connections) through the
 * load balancer of deploy/local/run, first with one evidence-service instance behind it, then
 * with two, each after its own warm-up; the ratio two / one;</li>
 * <li>catch-up: with evidence-service stopped, levels-service publishes a backlog of N person
 * upserts; then one instance (and, for a second backlog, two) starts, and the time from launch to
 * ready and to a consumer lag of 0 is measured, with the events per second once ready.</li>
 * </ol>
 */
class ScalingBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 90));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int BACKLOG = Integer.getInteger("bench.backlog.events", 20_000);
    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");
    private static final String GROUP = "evidence-service.v3";
    private static final String PEOPLE = "leveling.levels.people";

    private final Path root = Path.of(System.getProperty("leveling.root.dir"));
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Platform platform;

    /** What one catch-up measured. */
    record CatchUp(int instances, int events, long offsets, double toReadySeconds, double toCaughtUpSeconds) {
        double eventsPerSecondOnceReady() {
            return events / Math.max(0.001, toCaughtUpSeconds - toReadySeconds);
        }
    }

    @Test
    void oneInstanceAgainstTwo() throws Exception {
        if (!Wrk.available()) {
            throw new IllegalStateException("wrk is not on the PATH (Debian: apt-get install wrk)");
        }
        platform = Platform.start(Map.of(), "levels-service");
        List<ServiceProcess> evidence = new ArrayList<>(List.of(launchEvidence("a"), launchEvidence("b")));
        evidence.forEach(ServiceProcess::awaitReady);
        EvidenceAuthors authors = EvidenceAuthors.seed(platform, evidence.get(0).baseUrl(), "scaling-" + run,
                "SCL-" + run + "-A", CLIENTS);
        List<Wrk.Variant> posts = authors.ids().stream().map(a -> new Wrk.Variant(List.of(
                new String[] {"Authorization", "Bearer " + EvidenceAuthors.token(a)},
                new String[] {"Content-Type", "application/json"}), authors.evidenceBody(a))).toList();

        double one = throughput(List.of(evidence.get(0)), posts);
        double two = throughput(evidence, posts);
        evidence.forEach(ServiceProcess::stop);

        CatchUp single = catchUp(1);
        CatchUp pair = catchUp(2);

        String report = String.format("""
                Scaling benchmark — %s, %d cores; evidence-service behind the load balancer of deploy/local/run
                evidence intake (POST /api/v1/evidence?submit=true, %d wrk connections, %d s after a %d s warm-up each):
                  one instance   %7.1f req/s
                  two instances  %7.1f req/s   two / one = %.2f
                catch-up of evidence-service after a stop (backlog of person-upserted events on %s, 3 partitions):
                  %s
                  %s
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), CLIENTS, MEASURED.toSeconds(),
                WARM_UP.toSeconds(), one, two, two / one, PEOPLE, describe(single), describe(pair));
        System.out.println(report);
        Path out = root.resolve("deploy/e2e/target/bench/scaling.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private String describe(CatchUp c) {
        return String.format("%d instance%s, %,d events (a lag of %,d offsets with the relay's transaction markers): "
                + "launch → ready %.1f s, launch → lag 0 %.1f s (%,.0f events/s once ready)",
                c.instances(), c.instances() == 1 ? "" : "s", c.events(), c.offsets(), c.toReadySeconds(),
                c.toCaughtUpSeconds(), c.eventsPerSecondOnceReady());
    }

    private ServiceProcess launchEvidence(String name) {
        return ServiceProcess.launch(root, "evidence-service", "evidence-service-" + name,
                platform.serviceEnvironment());
    }

    /** Requests per second through a load balancer in front of {@code instances}. */
    private double throughput(List<ServiceProcess> instances, List<Wrk.Variant> posts) throws Exception {
        LoadBalancer balancer = LoadBalancer.start("scaling-balancer-" + instances.size(),
                instances.stream().map(ServiceProcess::baseUrl).toList());
        try {
            String url = balancer.url() + "/api/v1/evidence?submit=true";
            Wrk.run("POST", url, posts, CLIENTS, WARM_UP);
            return Wrk.run("POST", url, posts, CLIENTS, MEASURED).requestsPerSecond();
        } finally {
            balancer.stop();
        }
    }

    /** A backlog written while evidence-service is down, then {@code instances} started together. */
    private CatchUp catchUp(int instances) throws Exception {
        writeBacklog(instances);
        try (Admin admin = ConsumerLag.admin()) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ConsumerLag.of(admin, GROUP, PEOPLE) >= BACKLOG);
            long backlog = ConsumerLag.of(admin, GROUP, PEOPLE);
            long launched = System.nanoTime();
            List<ServiceProcess> started = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                started.add(launchEvidence("catch-up-" + instances + "-" + i));
            }
            started.forEach(ServiceProcess::awaitReady);
            double ready = (System.nanoTime() - launched) / 1e9;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ConsumerLag.of(admin, GROUP, PEOPLE) == 0);
            double caughtUp = (System.nanoTime() - launched) / 1e9;
            started.forEach(ServiceProcess::stop);
            return new CatchUp(instances, BACKLOG, backlog, ready, caughtUp);
        }
    }

    /** BACKLOG new people through levels-service, then waits until its relay has published them all. */
    private void writeBacklog(int round) throws Exception {
        AtomicInteger next = new AtomicInteger();
        URI levels = URI.create(platform.url("levels-service"));
        Load.saturate(() -> {
            String id = "SCL-" + run + "-B" + round + "-" + next.incrementAndGet();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(levels.resolve("/api/v1/people/" + id))
                    .header("Authorization", "Bearer " + HR).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Backlog " + id + "\", \"email\": \""
                            + id.toLowerCase() + "@example.com\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("PUT " + id + " answered " + response.statusCode());
            }
        }, BACKLOG, CLIENTS);
        try (Connection db = platform.database()) {
            await().atMost(Duration.ofMinutes(5)).until(() -> unsent(db) == 0);
        }
    }

    private static long unsent(Connection db) throws Exception {
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT count(*) FROM levels.outbox_event WHERE sent_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
