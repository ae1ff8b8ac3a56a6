package com.dealerops.common.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/**
 * Bounds how long a request can wait on an unreachable database: connecting gives up after
 * dealerops.db.connect-timeout (Vert.x waits 60 s by default) and waiting for a pooled connection after
 * dealerops.db.acquire-timeout (30 s by default). The request then fails fast and the client gets a 503 with
 * Retry-After instead of a hanging request.
 */
@Singleton
public class BoundedWaitPoolCreator implements PgPoolCreator {

    private final Duration connectTimeout;
    private final Duration acquireTimeout;

    public BoundedWaitPoolCreator(
            @ConfigProperty(name = "dealerops.db.connect-timeout", defaultValue = "2s") Duration connectTimeout,
            @ConfigProperty(name = "dealerops.db.acquire-timeout", defaultValue = "3s") Duration acquireTimeout) {
        this.connectTimeout = connectTimeout;
        this.acquireTimeout = acquireTimeout;
    }

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout((int) connectTimeout.toMillis());
        }
        input.poolOptions().setConnectionTimeout((int) acquireTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(new java.util.ArrayList<io.vertx.sqlclient.SqlConnectOptions>(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
