package com.dealerops.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.dealerops.common.db.JdbcTarget;
import com.dealerops.devdb.EmbeddedPostgresLauncher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One PostgreSQL for the whole test run: an embedded server with a fresh data directory under target/, or, when
 * TEST_DB_URL is set (postgresql://host:port/database, with TEST_DB_USER and TEST_DB_PASSWORD), that server.
 * The application reaches it through a {@link DatabaseProxy} (so outage tests can cut it); migrations go direct.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresLauncher.Server server;
    private DatabaseProxy proxy;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TEST_DB_URL");
        String user;
        String password;
        URI target;
        try {
            if (external != null && !external.isBlank()) {
                user = envOr("TEST_DB_USER", "postgres");
                password = envOr("TEST_DB_PASSWORD", "");
                target = URI.create(external.trim());
            } else {
                server = EmbeddedPostgresLauncher.startEphemeral(Path.of("target", "embedded-pg").toAbsolutePath());
                user = EmbeddedPostgresLauncher.superuser();
                password = "";
                target = URI.create(server.reactiveUrl("postgres"));
            }
            proxy = new DatabaseProxy(target.getHost(), target.getPort() > 0 ? target.getPort() : 5432);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the PostgreSQL for the tests", e);
        }
        String direct = target.toString();
        String proxied = "postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return Map.of(
                "quarkus.datasource.reactive.url", proxied,
                "dealerops.migration.jdbc-url",
                JdbcTarget.fromReactiveUrl(direct, Optional.of(user), Optional.of(password)).url(),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (server != null) {
                server.postgres().close();
            }
        } catch (Exception e) {
            // the data directory is under target/ and is cleaned by the next run
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
