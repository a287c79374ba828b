package org.leveling.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the service's schema is migrated (see {@link SchemaMigration}). */
@ApplicationScoped
@Readiness
public class SchemaMigrationCheck implements HealthCheck {

    private final SchemaMigration migration;

    public SchemaMigrationCheck(SchemaMigration migration) {
        this.migration = migration;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database schema migrated").status(migration.isMigrated())
                .withData("lastFailure", migration.lastFailure()).build();
    }
}
