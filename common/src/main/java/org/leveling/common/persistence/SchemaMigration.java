package org.leveling.common.persistence;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the service's Flyway migrations at start, and keeps trying when the database is not there
 * yet instead of letting the service exit: the service comes up live, stays not ready
 * ({@link SchemaMigrationCheck}) and answers 503 until its schema is migrated. The relay and the inbox wait for
 * it ({@link #awaitMigrated}). Replaces {@code quarkus.flyway.migrate-at-start}.
 */
@ApplicationScoped
public class SchemaMigration {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Flyway flyway;
    private final CountDownLatch migrated = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** The kind of the last failure, for the health check (which must not spread addresses or messages). */
    private volatile String lastFailure = "not started";
    private boolean failedBefore;

    public SchemaMigration(Flyway flyway) {
        this.flyway = flyway;
    }

    /** First try in the startup thread, so a reachable database is migrated before anything else runs. */
    void start(@Observes @Priority(1) StartupEvent startup) {
        if (tryOnce()) {
            return;
        }
        Thread retrying = new Thread(this::retryUntilMigrated, "schema-migration");
        retrying.setDaemon(true);
        retrying.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    /** Blocks until the schema is migrated; false if the service is stopping first. */
    public boolean awaitMigrated() throws InterruptedException {
        while (migrated.getCount() > 0) {
            if (stopping.await(200, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return true;
    }

    public boolean isMigrated() {
        return migrated.getCount() == 0;
    }

    /** Why the last attempt failed, while the schema is not migrated. */
    public String lastFailure() {
        return isMigrated() ? "none" : lastFailure;
    }

    private void retryUntilMigrated() {
        Duration wait = FIRST_RETRY;
        int attempt = 1;
        try {
            while (!stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                attempt++;
                boolean done;
                try {
                    done = tryOnce();
                } catch (RuntimeException e) {
                    Log.errorf(e, "Database schema migration failed on a reachable database; the service stays "
                            + "not ready until it is fixed and restarted");
                    return;
                }
                if (done) {
                    Log.infof("Database schema migrated after %d attempts", attempt);
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
                Log.warnf("Database schema migration attempt %d failed (%s); next attempt in %d s", attempt,
                        lastFailure, wait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean tryOnce() {
        try {
            flyway.migrate();
            migrated.countDown();
            return true;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            lastFailure = root.getClass().getSimpleName();
            String message = lastFailure + ": " + root.getMessage();
            if (!TransientDatabaseFailures.isTransient(e)) {
                // A migration that fails on a reachable database is a broken release, not an outage:
                // stop the service, as migrate-at-start would, rather than report "not ready" forever.
                throw e;
            }
            if (!failedBefore) {
                Log.warnf("Database unavailable for the schema migration (%s); the service is live and not ready, "
                        + "retrying from %d s up to every %d s", message, FIRST_RETRY.toSeconds(), MAX_RETRY.toSeconds());
            }
            failedBefore = true;
            return false;
        }
    }
}
