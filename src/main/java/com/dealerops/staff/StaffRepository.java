package com.dealerops.staff;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.LikePatterns;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Department;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The staff directory (rows are also written by the security layer on each staff member's first request). */
@ApplicationScoped
@WithSession
public class StaffRepository implements PanacheRepositoryBase<Staff, Staff.Key> {

    static final SortKey<Staff> BY_NAME = SortKey.ascending("name", String.class, s -> s.name, s -> s.id);

    /** What a directory list may be narrowed by; null means "any". */
    public record Filter(Department department, Boolean onDuty, String nameContains, boolean active) {
    }

    public Uni<Staff> findInDealer(UUID dealerId, UUID id) {
        return findById(new Staff.Key(dealerId, id));
    }

    /** Whether the staff member exists in the dealer, is active, and works in sales (may own customers). */
    public Uni<Boolean> isActiveSalesStaff(UUID dealerId, UUID staffId) {
        return isActiveWithRole(dealerId, staffId, java.util.Set.of("sales", "sales-manager"));
    }

    /** Whether the staff member exists in the dealer, is active, and has one of these role claims. */
    public Uni<Boolean> isActiveWithRole(UUID dealerId, UUID staffId, java.util.Set<String> roles) {
        return findInDealer(dealerId, staffId).map(member -> member != null && member.active
                && java.util.Arrays.stream(member.roles).anyMatch(roles::contains));
    }

    public Uni<Page<Staff>> list(UUID dealerId, Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId and e.active = :active");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", dealerId);
        params.put("active", filter.active());
        if (filter.department() != null) {
            where.append(" and e.department = :department");
            params.put("department", filter.department());
        }
        if (filter.onDuty() != null) {
            where.append(" and e.onDuty = :onDuty");
            params.put("onDuty", filter.onDuty());
        }
        if (filter.nameContains() != null) {
            where.append(" and lower(e.name) like :name").append(LikePatterns.ESCAPE);
            params.put("name", LikePatterns.containing(filter.nameContains()));
        }
        return getSession().chain(session -> Keyset.page(session, Staff.class, where.toString(), params, BY_NAME,
                cursor, limit));
    }
}
