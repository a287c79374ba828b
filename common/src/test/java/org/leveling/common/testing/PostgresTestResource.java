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
 * existing server.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private StackProcess postgres;
    private Path dataDir;

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
                    // Durability buys nothing in a throwaway test database and costs seconds.
                    List.of("-Dleveling.postgres.fsync=off"),
                    List.of("--port", String.valueOf(StackProcess.freePort()), "--data-dir", dataDir.toString()));
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
