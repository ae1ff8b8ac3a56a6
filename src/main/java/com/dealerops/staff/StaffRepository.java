package com.dealerops.staff;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads the staff directory (rows are written by the security layer on each staff member's first request). */
@ApplicationScoped
@WithSession
public class StaffRepository {

    /** Whether the staff member exists in the dealer, is active, and works in sales (may own customers). */
    public Uni<Boolean> isActiveSalesStaff(UUID dealerId, UUID staffId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT count(*) FROM staff
                WHERE dealer_id = :dealerId AND id = :staffId AND active
                  AND roles && ARRAY['sales', 'sales-manager']""", Long.class)
                .setParameter("dealerId", dealerId)
                .setParameter("staffId", staffId)
                .getSingleResult()
                .map(count -> count > 0));
    }
}
