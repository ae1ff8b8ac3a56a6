package com.dealerops.devdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Starts the embedded PostgreSQL for {@code quarkus:dev} when no datasource URL is configured, and supplies its
 * URL. It does nothing in any other profile, so the packaged application never starts a database.
 * <p>
 * Quarkus evaluates config sources several times in dev mode, from fresh class loaders (build step, every live
 * reload), so "already started" is remembered JVM-wide in a system property, under a lock every class loader
 * shares.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(DevDatabaseConfigSourceFactory.class);
    static final String STARTED_URL = "dealerops.dev-db.started-url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")
                || isFalse(context.getValue("dealerops.dev-db.enabled"))
                || hasValue(context.getValue("quarkus.datasource.reactive.url"))) {
            return List.of();
        }
        String url;
        synchronized (System.getProperties()) {
            url = System.getProperty(STARTED_URL);
            if (url == null) {
                url = start(context);
                System.setProperty(STARTED_URL, url);
            }
        }
        return List.of(new PropertiesConfigSource(Map.of("quarkus.datasource.reactive.url", url),
                "DealerOps embedded dev database", 275));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static String start(ConfigSourceContext context) {
        Path dataDirectory = Path.of(valueOr(context.getValue("dealerops.dev-db.data-dir"), ".dealerops/pgdata"))
                .toAbsolutePath();
        int port = Integer.parseInt(valueOr(context.getValue("dealerops.dev-db.port"), "54329"));
        String user = valueOr(context.getValue("quarkus.datasource.username"), "dealerops");
        String password = valueOr(context.getValue("quarkus.datasource.password"), "dealerops");
        String database = valueOr(context.getValue("dealerops.dev-db.database"), "dealerops");
        try {
            EmbeddedPostgresLauncher.Server server = EmbeddedPostgresLauncher.startPersistent(dataDirectory, port);
            EmbeddedPostgresLauncher.ensureRoleAndDatabase(server, user, password, database);
            LOG.infof("Embedded PostgreSQL for dev mode on port %d, data in %s", server.port(), dataDirectory);
            return server.reactiveUrl(database);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded dev PostgreSQL in " + dataDirectory
                    + " on port " + port + " (set dealerops.dev-db.port to another port, or "
                    + "quarkus.datasource.reactive.url to use your own server): " + e.getMessage(), e);
        }
    }

    private static boolean hasValue(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isFalse(ConfigValue value) {
        return hasValue(value) && "false".equalsIgnoreCase(value.getValue().trim());
    }

    private static String valueOr(ConfigValue value, String fallback) {
        return hasValue(value) ? value.getValue() : fallback;
    }
}
