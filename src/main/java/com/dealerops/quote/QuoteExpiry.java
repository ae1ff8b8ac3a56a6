package com.dealerops.quote;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.dealerops.common.time.Clocks;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sent quotes past their validity become EXPIRED, with an event in their history. Reads already show them expired
 * (and answers are refused) from the moment the validity ends; this writes it down. One statement claims the due
 * quotes with FOR UPDATE SKIP LOCKED, so instances running at once never expire a quote twice.
 */
@ApplicationScoped
public class QuoteExpiry {

    private static final Logger LOG = Logger.getLogger(QuoteExpiry.class);
    static final int BATCH = 500;

    private static final String EXPIRE = """
            WITH due AS (
                SELECT dealer_id, id FROM quote
                WHERE status = 'SENT' AND expires_at <= $1
                ORDER BY expires_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED),
            expired AS (
                UPDATE quote q SET status = 'EXPIRED', answered_at = q.expires_at, version = q.version + 1,
                    updated_at = $1
                FROM due WHERE q.dealer_id = due.dealer_id AND q.id = due.id
                RETURNING q.dealer_id, q.id, q.valid_until)
            INSERT INTO audit_event (dealer_id, id, resource_type, resource_id, action, actor_id, actor_name,
                occurred_at, changes)
            SELECT dealer_id, gen_random_uuid(), 'quote', id, 'EXPIRED', NULL, 'DealerOps quote expiry', $1,
                jsonb_build_object('status', jsonb_build_object('from', 'SENT', 'to', 'EXPIRED'),
                                   'validUntil', jsonb_build_object('from', valid_until, 'to', valid_until))
            FROM expired""";

    private final Pool pool;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;

    public QuoteExpiry(Pool pool, Clock clock, Vertx vertx,
            @ConfigProperty(name = "dealerops.quotes.expiry-check-interval", defaultValue = "5m") Duration interval) {
        this.pool = pool;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = interval;
    }

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), interval.toMillis(), id -> expireDue()
                .subscribe().with(expired -> {
                    if (expired > 0) {
                        LOG.infof("%d quotes expired", expired);
                    }
                }, failure -> LOG.warnf("Quote expiry failed, will retry: %s", failure.getMessage())));
    }

    /** Expires every sent quote past its validity, in batches; returns how many this instance expired. */
    public Uni<Integer> expireDue() {
        return pool.preparedQuery(EXPIRE)
                .execute(Tuple.of(Clocks.now(clock).atOffset(ZoneOffset.UTC), BATCH))
                .map(rows -> rows.rowCount())
                .chain(count -> count < BATCH ? Uni.createFrom().item(count)
                        : expireDue().map(more -> count + more));
    }
}
