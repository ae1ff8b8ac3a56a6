package com.dealerops.lead;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Round-robin among on-duty salespeople, fairly: the next lead goes to the one who received a lead least recently
 * (never, first). Concurrent intakes of one dealer take turns on a lock of the dealer's row, held until their
 * transaction ends, so each sees the previous one's choice and no two pick the same person for the same turn.
 * The lock is FOR NO KEY UPDATE, which does not conflict with the key-share locks that inserts referencing the
 * dealer take: only routing waits for routing.
 */
@ApplicationScoped
public class LeadRouting {

    private static final String LOCK_DEALER = "SELECT id FROM dealer WHERE id = :dealerId FOR NO KEY UPDATE";
    // a statement of its own after the lock: under READ COMMITTED it sees what the previous holder committed
    private static final String LEAST_RECENT = """
            SELECT s.id FROM staff s
            LEFT JOIN lead_routing r ON r.dealer_id = s.dealer_id AND r.staff_id = s.id
            WHERE s.dealer_id = :dealerId AND s.active AND s.on_duty AND 'sales' = ANY (s.roles)
            ORDER BY r.last_turn ASC NULLS FIRST, s.id
            LIMIT 1""";
    private static final String RECEIVED = """
            INSERT INTO lead_routing (dealer_id, staff_id, last_turn, last_assigned_at)
            VALUES (:dealerId, :staffId, nextval('lead_routing_turn'), :now)
            ON CONFLICT (dealer_id, staff_id) DO UPDATE
                SET last_turn = excluded.last_turn, last_assigned_at = excluded.last_assigned_at""";

    /** The salesperson the next lead goes to (recorded as receiving it now), or null when nobody is on duty. */
    public Uni<UUID> next(UUID dealerId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_DEALER, UUID.class)
                .setParameter("dealerId", dealerId).getSingleResultOrNull()
                .chain(locked -> session.createNativeQuery(LEAST_RECENT, UUID.class)
                        .setParameter("dealerId", dealerId).getSingleResultOrNull())
                .call(chosen -> chosen == null ? Uni.createFrom().voidItem() : received(dealerId, chosen, now)));
    }

    /** Any assignment (routed, by a manager, claimed) counts as the salesperson's turn. */
    public Uni<Void> received(UUID dealerId, UUID staffId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECEIVED)
                .setParameter("dealerId", dealerId).setParameter("staffId", staffId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }
}
