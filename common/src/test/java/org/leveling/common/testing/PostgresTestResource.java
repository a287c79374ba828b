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
    private List<String> launcherArgs;

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
            launcherArgs = List.of("--port", String.valueOf(port == 0 ? StackProcess.freePort() : port),
                    "--data-dir", dataDir.toString());
            postgres = launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.readyValue(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private StackProcess launch() {
        return StackProcess.start("postgres", "org.leveling.stack.PostgresMain",
                durable ? List.of()
                        // Durability buys nothing in a throwaway database nobody crashes, and costs seconds.
                        : List.of("-Dleveling.postgres.fsync=off", "-Dleveling.postgres.synchronous-commit=off",
                                "-Dleveling.postgres.full-page-writes=off"),
                launcherArgs);
    }

    /**
     * Crashes the server as a power cut would look to it: an immediate shutdown (SIGQUIT to the
     * postmaster: no checkpoint, crash recovery on the next start), then its launcher is killed.
     */
    public void crash() {
        if (postgres == null || !durable) {
            throw new IllegalStateException("Only a durable embedded server may be crashed");
        }
        try {
            Path pidFile = dataDir.resolve("data/postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).inheritIO().start();
            if (quit.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + postmaster + " failed");
            }
            ProcessHandle.of(postmaster).ifPresent(handle -> handle.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        postgres.kill();
    }

    /** Starts the server again on its port and data after {@link #crash()}; returns once it accepts connections. */
    public void restart() {
        postgres = launch();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.stop();
            StackProcess.deleteQuietly(dataDir);
        }
    }
}
