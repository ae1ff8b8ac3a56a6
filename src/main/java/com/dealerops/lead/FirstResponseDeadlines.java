package com.dealerops.lead;

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
 * Leads not contacted by their first-response deadline go back to the unassigned pool, and the sales managers
 * are told: an event in the lead's history and a row in the overdue list.
 * <p>
 * Any number of service instances may run this at once against one database. One statement claims the due
 * leads with FOR UPDATE SKIP LOCKED (a lead another instance is processing is skipped; one it has processed no
 * longer matches) and, in the same statement, returns them to the pool, writes the overdue row (primary key: one
 * per lead, ever) and the history event. Nothing is processed twice, and a crash half-way changes nothing.
 */
@ApplicationScoped
public class FirstResponseDeadlines {

    private static final Logger LOG = Logger.getLogger(FirstResponseDeadlines.class);
    static final int BATCH = 500;

    private static final String EXPIRE = """
            WITH due AS (
                SELECT dealer_id, id, assignee_id, response_due_at FROM lead
                WHERE status = 'NEW' AND response_missed_at IS NULL AND response_due_at <= $1
                ORDER BY response_due_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED),
            missed AS (
                UPDATE lead l SET response_missed_at = $1, assignee_id = NULL, assigned_at = NULL,
                    version = l.version + 1, updated_at = $1
                FROM due WHERE l.dealer_id = due.dealer_id AND l.id = due.id
                RETURNING l.dealer_id, l.id, due.assignee_id AS previous_assignee, due.response_due_at),
            listed AS (
                INSERT INTO lead_response_miss (dealer_id, lead_id, assignee_id, due_at, detected_at)
                SELECT dealer_id, id, previous_assignee, response_due_at, $1 FROM missed)
            INSERT INTO audit_event (dealer_id, id, resource_type, resource_id, action, actor_id, actor_name,
                occurred_at, changes)
            SELECT dealer_id, gen_random_uuid(), 'lead', id, 'FIRST_RESPONSE_MISSED', NULL,
                'DealerOps first-response check', $1,
                jsonb_build_object('assigneeId', jsonb_build_object('from', previous_assignee, 'to', NULL),
                                   'responseDueAt', jsonb_build_object('from', NULL, 'to', response_due_at))
            FROM missed""";

    private final Pool pool;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;

    public FirstResponseDeadlines(Pool pool, Clock clock, Vertx vertx,
            @ConfigProperty(name = "dealerops.leads.first-response-check-interval", defaultValue = "30s")
            Duration interval) {
        this.pool = pool;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = interval;
    }

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), interval.toMillis(), id -> expireOverdue()
                .subscribe().with(missed -> {
                    if (missed > 0) {
                        LOG.infof("%d leads missed their first-response deadline and went back to the pool", missed);
                    }
                }, failure -> LOG.warnf("First-response check failed, will retry: %s", failure.getMessage())));
    }

    /** Processes every lead that is due now, in batches; returns how many this instance processed. */
    public Uni<Integer> expireOverdue() {
        return pool.preparedQuery(EXPIRE)
                .execute(Tuple.of(Clocks.now(clock).atOffset(ZoneOffset.UTC), BATCH))
                .map(rows -> rows.rowCount())
                .chain(count -> count < BATCH ? Uni.createFrom().item(count)
                        : expireOverdue().map(more -> count + more));
    }
}
