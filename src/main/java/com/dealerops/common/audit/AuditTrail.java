package com.dealerops.common.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.Ids;
import com.dealerops.common.error.Problems;
import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.time.Clocks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Writes audit events in the caller's transaction (so a change and its record commit or roll back together) and
 * reads a resource's history.
 */
@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditEvent, UUID> {

    private static final SortKey<AuditEvent> OLDEST_FIRST = SortKey.ascending("occurredAt", java.time.Instant.class,
            e -> e.occurredAt, e -> e.id);

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Records a change; {@code before} is empty for a creation. Values must be JSON scalars. */
    public Uni<Void> record(Caller caller, String resourceType, UUID resourceId, String action,
            Map<String, Object> before, Map<String, Object> after) {
        AuditEvent event = new AuditEvent();
        event.id = Ids.newId();
        event.dealerId = caller.dealerId();
        event.resourceType = resourceType;
        event.resourceId = resourceId;
        event.action = action;
        event.actorId = caller.staffId();
        event.actorName = caller.name();
        event.requestId = Problems.requestId();
        event.occurredAt = Clocks.now(clock);
        event.changes = changes(before, after);
        return persist(event).replaceWithVoid();
    }

    static Map<String, Map<String, Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        for (var entry : after.entrySet()) {
            Object old = before.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", entry.getValue());
                changes.put(entry.getKey(), change);
            }
        }
        return changes;
    }

    /** A page of a resource's history, oldest first. */
    public Uni<Page<AuditEvent>> history(UUID dealerId, String resourceType, UUID resourceId, int limit,
            String cursor) {
        return getSession().chain(session -> Keyset.page(session, AuditEvent.class,
                "e.dealerId = :dealerId and e.resourceType = :type and e.resourceId = :resourceId",
                Map.of("dealerId", dealerId, "type", resourceType, "resourceId", resourceId),
                OLDEST_FIRST, cursor, limit));
    }
}
