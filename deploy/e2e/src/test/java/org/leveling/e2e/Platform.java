package org.leveling.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.leveling.common.testing.KafkaTestResource;
import org.leveling.common.testing.PostgresTestResource;
import org.leveling.common.testing.StackProcess;
import org.leveling.common.testing.Tokens;

/**
 * The whole system for one test JVM: a real PostgreSQL, a real Kafka broker and the named
 * services, started once and stopped when the JVM exits.
 */
final class Platform {

    private static Platform running;

    // Durable: what the platform tests and benchmarks measure is what production runs.
    private final PostgresTestResource postgres = PostgresTestResource.durable();
    private final KafkaTestResource kafka = new KafkaTestResource();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final TraceCollector traces = TraceCollector.start();
    private Map<String, String> serviceEnvironment;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;

    private Platform() {
    }

    /** Starts (once per JVM) the infrastructure and the given services, in parallel where possible. */
    static synchronized Platform start(Map<String, String> extraEnvironment, String... serviceNames) {
        if (running == null) {
            Platform platform = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
            platform.startAll(extraEnvironment, serviceNames);
            running = platform;
        }
        return running;
    }

    private void startAll(Map<String, String> extraEnvironment, String... serviceNames) {
        var db = CompletableFuture.supplyAsync(postgres::start);
        var broker = CompletableFuture.supplyAsync(kafka::start);
        Map<String, String> database = db.join();
        jdbcUrl = database.get("quarkus.datasource.jdbc.url");
        dbUser = database.get("quarkus.datasource.username");
        dbPassword = database.get("quarkus.datasource.password");
        String bootstrap = broker.join().get("kafka.bootstrap.servers");
        // Observers in these tests (KafkaTestClient) read the broker address from configuration.
        System.setProperty("kafka.bootstrap.servers", bootstrap);

        Map<String, String> environment = new LinkedHashMap<>(extraEnvironment);
        environment.put("DB_URL", jdbcUrl);
        environment.put("DB_USER", dbUser);
        environment.put("DB_PASSWORD", dbPassword);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        Path root = Path.of(System.getProperty("leveling.root.dir"));
        // Tokens come from Tokens (the dev key), as they would from an identity provider.
        environment.put("JWT_PUBLIC_KEY_LOCATION", "file:" + root.resolve("deploy/local/dev-keys/public.pem"));
        environment.put("JWT_ISSUER", Tokens.ISSUER);
        if (!Boolean.getBoolean("leveling.e2e.untraced")) {
            // Traced as a deployment that turns tracing on; exported spans are kept by the test's collector.
            environment.put("OTEL_SDK_DISABLED", "false");
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
            environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        }
        // Ports first: the committee UI (promotion-service) reads evidence from evidence-service in the
        // browser, so each must know the other's address as a deployment configures it.
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : serviceNames) {
            ports.put(name, StackProcess.freePort());
        }
        if (ports.containsKey("promotion-service")) {
            environment.put("CORS_ORIGINS", "http://127.0.0.1:" + ports.get("promotion-service"));
        }
        if (ports.containsKey("evidence-service")) {
            environment.put("EVIDENCE_SERVICE_URL", "http://127.0.0.1:" + ports.get("evidence-service"));
        }
        serviceEnvironment = Map.copyOf(environment);
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String name : serviceNames) {
            starting.add(CompletableFuture.supplyAsync(
                    () -> ServiceProcess.start(root, name, environment, ports.get(name))));
        }
        for (int i = 0; i < serviceNames.length; i++) {
            services.put(serviceNames[i], starting.get(i).join());
        }
    }

    String url(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not running");
        }
        return process.baseUrl();
    }

    /** The environment the services run with: database, broker and token settings. */
    Map<String, String> serviceEnvironment() {
        return serviceEnvironment;
    }

    /** The spans the services exported (none when started with {@code -Dleveling.e2e.untraced=true}). */
    TraceCollector traces() {
        return traces;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String dbUser() {
        return dbUser;
    }

    String dbPassword() {
        return dbPassword;
    }

    /** Crashes the platform's PostgreSQL (immediate shutdown, see {@link PostgresTestResource#crash()}). */
    void crashDatabase() {
        postgres.crash();
    }

    /** Starts the crashed PostgreSQL again on the same port and data (crash recovery). */
    void restartDatabase() {
        postgres.restart();
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    private synchronized void stop() {
        Stream.of(services.values().toArray(ServiceProcess[]::new)).parallel().forEach(ServiceProcess::stop);
        kafka.stop();
        postgres.stop();
        traces.stop();
    }
}
