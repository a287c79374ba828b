package org.leveling.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: a fresh embedded server on a free loopback port,
 * or, when {@code TEST_DB_URL} is set (with {@code TEST_DB_USER}/{@code TEST_DB_PASSWORD}), an
 * existing server. The module suites, which never crash their database, run it without fsync and
 * synchronous commits; {@link #durable()} gives the production settings (deploy/e2e, benchmarks).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private final boolean durable;
    private final int port;
    private StackProcess postgres;
    private Path dataDir;

    /** For {@code @QuarkusTestResource}: durability traded for speed (the suite never crashes it). */
    public PostgresTestResource() {
        this(false, 0);
    }

    private PostgresTestResource(boolean durable, int port) {
        this.durable = durable;
        this.port = port;
    }

    /** A server that commits synchronously with fsync on, as a production database does. */
    public static PostgresTestResource durable() {
        return new PostgresTestResource(true, 0);
    }

    /** As {@link #durable()}, on a given port: for a service that was pointed at it before it ran. */
    public static PostgresTestResource durableOn(int port) {
        return new PostgresTestResource(true, port);
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("TEST_DB_PASSWORD", "postgres"));
        }
        try {
            dataDir = Files.createTempDirectory(StackProcess.workDirectory(), "postgres-");
            postgres = StackProcess.start("postgres", "org.leveling.stack.PostgresMain",
                    durable ? List.of()
                            // Durability buys nothing in a throwaway database nobody crashes, and costs seconds.
                            : List.of("-Dleveling.postgres.fsync=off", "-Dleveling.postgres.synchronous-commit=off",
                                    "-Dleveling.postgres.full-page-writes=off"),
                    List.of("--port", String.valueOf(port == 0 ? StackProcess.freePort() : port), "--data-dir", dataDir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.readyValue(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.stop();
            StackProcess.deleteQuietly(dataDir);
        }
    }
}
