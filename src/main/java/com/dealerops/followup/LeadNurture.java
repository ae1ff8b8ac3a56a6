package com.dealerops.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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
 * Nurture follow-ups from the leads' pace (H every 2 days, A 5, B 7, C 15: the dealer's lead settings move each
 * lead's next follow-up time): an open, worked lead whose next follow-up falls within the next day gets a
 * LEAD_NURTURE follow-up for its salesperson. One DUE nurture follow-up per lead (a partial unique index, inserts
 * that meet it do nothing), so instances running at once create each once. Nurture follow-ups of leads that closed
 * are cancelled, and those of reassigned leads follow the lead.
 */
@ApplicationScoped
public class LeadNurture {

    private static final Logger LOG = Logger.getLogger(LeadNurture.class);
    static final int BATCH = 500;
    static final Duration HORIZON = Duration.ofDays(1);

    private static final String SCHEDULE = """
            WITH due AS (
                SELECT l.dealer_id, l.id, l.customer_id, l.assignee_id, l.next_follow_up_at, c.preferred_channel
                FROM lead l
                JOIN customer c ON c.dealer_id = l.dealer_id AND c.id = l.customer_id
                WHERE l.status IN ('CONTACTED', 'QUALIFIED', 'TEST_DRIVE', 'QUOTED') AND l.assignee_id IS NOT NULL
                  AND l.next_follow_up_at <= $1 AND c.contact_consent AND c.deleted_at IS NULL
                  -- one DUE at a time, and none again for a date already handled (done, missed or cancelled)
                  AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.dealer_id = l.dealer_id AND f.lead_id = l.id
                                  AND f.kind = 'LEAD_NURTURE'
                                  AND (f.status = 'DUE' OR f.due_at >= l.next_follow_up_at))
                ORDER BY l.next_follow_up_at
                LIMIT $2
                -- a customer whose consent is changing right now waits for the next run instead of failing the
                -- batch in the consent trigger; the share lock keeps the others' consent until the insert
                FOR SHARE OF c SKIP LOCKED),
            created AS (
                INSERT INTO follow_up (dealer_id, id, kind, customer_id, lead_id, team, assignee_id, channel, due_at,
                    survey, purpose, status, created_at, updated_at)
                SELECT dealer_id, gen_random_uuid(), 'LEAD_NURTURE', customer_id, id, 'SALES', assignee_id,
                    CASE WHEN preferred_channel IN ('WECHAT', 'SMS', 'VISIT') THEN preferred_channel ELSE 'PHONE' END,
                    next_follow_up_at, false, '线索培育 / Lead nurture', 'DUE', $3, $3
                FROM due
                ON CONFLICT DO NOTHING
                RETURNING dealer_id, id, assignee_id, channel, due_at)
            INSERT INTO audit_event (dealer_id, id, resource_type, resource_id, action, actor_id, actor_name,
                occurred_at, changes)
            SELECT dealer_id, gen_random_uuid(), 'follow-up', id, 'CREATED', NULL, 'DealerOps lead nurture', $3,
                jsonb_build_object('kind', jsonb_build_object('from', NULL, 'to', 'LEAD_NURTURE'),
                                   'status', jsonb_build_object('from', NULL, 'to', 'DUE'),
                                   'assigneeId', jsonb_build_object('from', NULL, 'to', assignee_id),
                                   'dueAt', jsonb_build_object('from', NULL, 'to', due_at))
            FROM created""";
    private static final String CANCEL_CLOSED = """
            WITH stale AS (
                SELECT f.dealer_id, f.id, l.status AS lead_status FROM follow_up f
                JOIN lead l ON l.dealer_id = f.dealer_id AND l.id = f.lead_id
                WHERE f.kind = 'LEAD_NURTURE' AND f.status = 'DUE'
                  AND l.status NOT IN ('CONTACTED', 'QUALIFIED', 'TEST_DRIVE', 'QUOTED')
                LIMIT $1
                FOR UPDATE OF f SKIP LOCKED),
            cancelled AS (
                UPDATE follow_up f SET status = 'CANCELLED', cancel_reason = 'the lead is ' || stale.lead_status,
                    version = f.version + 1, updated_at = $2
                FROM stale WHERE f.dealer_id = stale.dealer_id AND f.id = stale.id
                RETURNING f.dealer_id, f.id, f.cancel_reason)
            INSERT INTO audit_event (dealer_id, id, resource_type, resource_id, action, actor_id, actor_name,
                occurred_at, changes)
            SELECT dealer_id, gen_random_uuid(), 'follow-up', id, 'CANCELLED', NULL, 'DealerOps lead nurture', $2,
                jsonb_build_object('status', jsonb_build_object('from', 'DUE', 'to', 'CANCELLED'),
                                   'cancelReason', jsonb_build_object('from', NULL, 'to', cancel_reason))
            FROM cancelled""";
    private static final String FOLLOW_ASSIGNEE = """
            WITH moved AS (
                UPDATE follow_up f SET assignee_id = l.assignee_id, version = f.version + 1, updated_at = $1
                FROM lead l, follow_up old
                WHERE f.kind = 'LEAD_NURTURE' AND f.status = 'DUE' AND l.dealer_id = f.dealer_id AND l.id = f.lead_id
                  AND l.assignee_id IS NOT NULL AND l.assignee_id <> f.assignee_id
                  AND old.dealer_id = f.dealer_id AND old.id = f.id
                RETURNING f.dealer_id, f.id, old.assignee_id AS was, f.assignee_id AS now)
            INSERT INTO audit_event (dealer_id, id, resource_type, resource_id, action, actor_id, actor_name,
                occurred_at, changes)
            SELECT dealer_id, gen_random_uuid(), 'follow-up', id, 'ASSIGNED', NULL, 'DealerOps lead nurture', $1,
                jsonb_build_object('assigneeId', jsonb_build_object('from', was, 'to', now),
                                   'reason', jsonb_build_object('from', NULL, 'to', 'the lead was reassigned'))
            FROM moved""";

    private final Pool pool;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;

    public LeadNurture(Pool pool, Clock clock, Vertx vertx,
            @ConfigProperty(name = "dealerops.follow-ups.nurture-interval", defaultValue = "5m") Duration interval) {
        this.pool = pool;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = interval;
    }

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), interval.toMillis(), id -> run()
                .subscribe().with(created -> {
                    if (created > 0) {
                        LOG.infof("%d nurture follow-ups scheduled", created);
                    }
                }, failure -> LOG.warnf("Lead nurture failed, will retry: %s", failure.getMessage())));
    }

    /** Cancels nurture follow-ups of closed leads, moves reassigned ones, schedules the due; returns how many new. */
    public Uni<Integer> run() {
        OffsetDateTime now = Clocks.now(clock).atOffset(ZoneOffset.UTC);
        return cancelClosed(now)
                .chain(() -> pool.preparedQuery(FOLLOW_ASSIGNEE).execute(Tuple.of(now)))
                .chain(() -> scheduleDue(now));
    }

    private Uni<Void> cancelClosed(OffsetDateTime now) {
        return pool.preparedQuery(CANCEL_CLOSED).execute(Tuple.of(BATCH, now))
                .chain(rows -> rows.rowCount() < BATCH ? Uni.createFrom().voidItem() : cancelClosed(now));
    }

    private Uni<Integer> scheduleDue(OffsetDateTime now) {
        return pool.preparedQuery(SCHEDULE).execute(Tuple.of(now.plus(HORIZON), BATCH, now))
                .map(rows -> rows.rowCount())
                .chain(count -> count < BATCH ? Uni.createFrom().item(count)
                        : scheduleDue(now).map(more -> count + more));
    }
}
