package com.dealerops.complaint;

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
 * Escalates complaints whose deadline passed: to customer service's head (the directory's department head) when the
 * acknowledgement or the resolution is overdue, to the general manager when the complaint is still open the
 * dealer's second period after that, time spent waiting for the customer not counted. A complaint waiting for the
 * customer is not escalated (its clock stands).
 * One statement claims the due complaints with FOR UPDATE SKIP LOCKED and raises each by one level only if it is
 * still at the level it was read at, so two instances running at once escalate a complaint once.
 */
@ApplicationScoped
public class ComplaintEscalation {

    private static final Logger LOG = Logger.getLogger(ComplaintEscalation.class);
    static final int BATCH = 500;

    private static final String ESCALATE = """
            WITH due AS (
                SELECT c.dealer_id, c.id, c.escalation_level AS was, c.status AS was_status, c.escalated_to AS was_to,
                       CASE WHEN c.escalation_level = 1
                                THEN 'still open ' || c.second_escalation_hours || ' hours after the first escalation'
                            WHEN c.acknowledged_at IS NULL AND c.acknowledge_due_at <= $1
                                THEN 'acknowledgement overdue'
                            ELSE 'resolution overdue' END AS reason
                FROM complaint c
                WHERE c.status NOT IN ('RESOLVED', 'CLOSED', 'WAITING_CUSTOMER')
                  AND ((c.escalation_level = 0
                        AND ((c.acknowledged_at IS NULL AND c.acknowledge_due_at <= $1)
                             OR c.resolve_due_at + make_interval(secs => c.paused_seconds) <= $1))
                       OR (c.escalation_level = 1
                           AND c.escalated_at + make_interval(hours => c.second_escalation_hours)
                               + make_interval(secs => c.paused_seconds - c.escalation_paused_seconds) <= $1))
                ORDER BY c.acknowledge_due_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED),
            escalated AS (
                UPDATE complaint c SET escalation_level = due.was + 1, escalated_at = $1, status = 'ESCALATED',
                    escalation_paused_seconds = c.paused_seconds,
                    escalated_to = (SELECT s.id FROM staff s WHERE s.dealer_id = c.dealer_id AND s.active
                                    AND NOT (s.id = ANY (c.staff_involved))
                                    AND CASE WHEN due.was = 0
                                             THEN s.head = 'DEPARTMENT' AND s.department = 'CUSTOMER_SERVICE'
                                             ELSE s.head = 'DEALER' END
                                    ORDER BY s.id LIMIT 1),
                    version = c.version + 1, updated_at = $1
                FROM due
                WHERE c.dealer_id = due.dealer_id AND c.id = due.id AND c.escalation_level = due.was
                RETURNING c.dealer_id, c.id, due.was, due.was_status, due.was_to, c.escalation_level, c.escalated_to,
                    due.reason)
            INSERT INTO audit_event (dealer_id, id, resource_type, resource_id, action, actor_id, actor_name,
                occurred_at, changes)
            SELECT dealer_id, gen_random_uuid(), 'complaint', id, 'ESCALATED', NULL, 'DealerOps complaint escalation',
                $1, jsonb_build_object(
                    'status', jsonb_build_object('from', was_status, 'to', 'ESCALATED'),
                    'escalationLevel', jsonb_build_object('from', was, 'to', escalation_level),
                    'escalatedTo', jsonb_build_object('from', was_to, 'to', escalated_to),
                    'reason', jsonb_build_object('from', NULL, 'to', reason))
            FROM escalated""";

    private final Pool pool;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;

    public ComplaintEscalation(Pool pool, Clock clock, Vertx vertx,
            @ConfigProperty(name = "dealerops.complaints.escalation-interval", defaultValue = "1m") Duration interval) {
        this.pool = pool;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = interval;
    }

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), interval.toMillis(), id -> escalateDue()
                .subscribe().with(escalated -> {
                    if (escalated > 0) {
                        LOG.infof("%d complaints escalated", escalated);
                    }
                }, failure -> LOG.warnf("Complaint escalation failed, will retry: %s", failure.getMessage())));
    }

    /** Escalates every complaint past a deadline by one level; returns how many this instance escalated. */
    public Uni<Integer> escalateDue() {
        return pool.preparedQuery(ESCALATE).execute(Tuple.of(Clocks.now(clock).atOffset(ZoneOffset.UTC), BATCH))
                .map(rows -> rows.rowCount())
                .chain(count -> count < BATCH ? Uni.createFrom().item(count)
                        : escalateDue().map(more -> count + more));
    }
}
