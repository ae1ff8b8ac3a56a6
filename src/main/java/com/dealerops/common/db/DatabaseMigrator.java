package com.dealerops.common.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs Flyway once at startup over a single plain JDBC connection, then lets it go.
 * <p>
 * Why not the quarkus-flyway extension: it needs a JDBC datasource, and declaring one next to the reactive
 * datasource makes Hibernate start a second, blocking persistence unit and an Agroal pool that the service would
 * carry for nothing. Here Flyway's own DriverManager data source is used and dropped; at runtime only the reactive
 * pool exists.
 * <p>
 * Until the schema is migrated the service answers 503 (see {@code RequestContextFilter}) and readiness is DOWN.
 */
@Singleton
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class);
    static final String URL_PROPERTY = "quarkus.datasource.reactive.url (env QUARKUS_DATASOURCE_REACTIVE_URL)";
    static final String CREDENTIAL_PROPERTIES = "quarkus.datasource.username and quarkus.datasource.password "
            + "(env QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD)";

    private final Optional<String> reactiveUrl;
    private final Optional<String> jdbcUrlOverride;
    private final Optional<String> user;
    private final Optional<String> password;
    private final boolean demoData;
    private volatile boolean migrated;

    public DatabaseMigrator(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "dealerops.migration.jdbc-url") Optional<String> jdbcUrlOverride,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "dealerops.demo-data", defaultValue = "false") boolean demoData) {
        this.reactiveUrl = reactiveUrl;
        this.jdbcUrlOverride = jdbcUrlOverride;
        this.user = user;
        this.password = password;
        this.demoData = demoData;
    }

    public boolean isMigrated() {
        return migrated;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        try {
            migrate();
            migrated = true;
        } catch (StartupFailure failure) {
            if (LaunchMode.current() != LaunchMode.NORMAL) {
                throw new IllegalStateException(failure.getMessage());
            }
            LOG.error(failure.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    private void migrate() {
        if (reactiveUrl.isEmpty() || reactiveUrl.get().isBlank() || reactiveUrl.get().contains(".invalid")) {
            throw new StartupFailure("No database configured: set " + URL_PROPERTY
                    + " to postgresql://host:5432/database, and " + CREDENTIAL_PROPERTIES + ".");
        }
        JdbcTarget target;
        try {
            target = jdbcUrlOverride.filter(url -> !url.isBlank())
                    .map(url -> new JdbcTarget(url, user.orElse(null), password.orElse(null)))
                    .orElseGet(() -> JdbcTarget.fromReactiveUrl(reactiveUrl.get(), user, password));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("Invalid " + URL_PROPERTY + ": " + e.getMessage() + ".");
        }
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (demoData) {
            locations.add("classpath:db/demo");
        }
        Flyway flyway = Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations(locations.toArray(String[]::new))
                .cleanDisabled(true)
                // demo data (dev only) is a repeatable migration the packaged app does not carry
                .ignoreMigrationPatterns("*:future", "repeatable:missing")
                .connectRetries(0)
                .load();
        try {
            var result = flyway.migrate();
            LOG.infof("Database schema at version %s (%d migrations applied now)",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : flyway.info().current()
                            .getVersion(),
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StartupFailure(describe(e, target));
        }
    }

    private static String describe(FlywayException e, JdbcTarget target) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof java.net.ConnectException || root instanceof java.net.UnknownHostException
                || root instanceof java.net.SocketTimeoutException) {
            return "Cannot reach the database at " + target.url() + " (" + reason + "): check " + URL_PROPERTY
                    + " and that PostgreSQL is running.";
        }
        if (root instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
            return "The database at " + target.url() + " refused the connection (" + reason + "): check "
                    + CREDENTIAL_PROPERTIES + " and the database name in " + URL_PROPERTY + ".";
        }
        return "Database migration failed at " + target.url() + ": " + reason;
    }

    private static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message, null, false, false);
        }
    }
}
