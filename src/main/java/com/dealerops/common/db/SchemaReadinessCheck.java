package com.dealerops.common.db;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the schema is migrated (the reactive pool's own check covers reachability). */
@Readiness
@Singleton
public class SchemaReadinessCheck implements HealthCheck {

    private final DatabaseMigrator migrator;

    public SchemaReadinessCheck(DatabaseMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database schema migrated").status(migrator.isMigrated()).build();
    }
}
