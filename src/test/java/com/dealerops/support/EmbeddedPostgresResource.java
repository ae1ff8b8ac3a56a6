package com.dealerops.support;

import java.nio.file.Path;
import java.util.Map;

import com.dealerops.devdb.EmbeddedPostgresLauncher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One PostgreSQL for the whole test run: an embedded server with a fresh data directory under target/, or, when
 * TEST_DB_URL is set (postgresql://host:port/database), that server instead.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresLauncher.Server server;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "quarkus.datasource.reactive.url", external,
                    "quarkus.datasource.username", envOr("TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", envOr("TEST_DB_PASSWORD", ""));
        }
        try {
            server = EmbeddedPostgresLauncher.startEphemeral(Path.of("target", "embedded-pg").toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for the tests", e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl("postgres"),
                "quarkus.datasource.username", EmbeddedPostgresLauncher.superuser(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.postgres().close();
            } catch (Exception e) {
                // the data directory is under target/ and is cleaned by the next run
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
