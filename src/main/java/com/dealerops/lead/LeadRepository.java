package com.dealerops.lead;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.staff.OpenWork;
import com.dealerops.staff.OpenWorkSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    private static final SortKey<LeadActivity> NEWEST_ACTIVITY_FIRST = SortKey.descending("occurredAt",
            Instant.class, a -> a.occurredAt, a -> a.id);

    public Uni<Lead> findInDealer(UUID dealerId, UUID id) {
        return find("dealerId = ?1 and id = ?2", dealerId, id).firstResult();
    }

    public Uni<Lead> findOpenForCustomer(UUID dealerId, UUID customerId) {
        return find("dealerId = ?1 and customerId = ?2 and status in ?3", dealerId, customerId, LeadStatus.OPEN)
                .firstResult();
    }

    public Uni<Lead> findByProviderLeadId(UUID dealerId, String provider, String providerLeadId) {
        return find("dealerId = ?1 and provider = ?2 and providerLeadId = ?3", dealerId, provider, providerLeadId)
                .firstResult();
    }

    public Uni<Boolean> activityIdTaken(UUID id) {
        return Panache.getSession().chain(session -> session.find(LeadActivity.class, id)).map(found -> found != null);
    }

    public Uni<Page<LeadActivity>> activities(UUID dealerId, UUID leadId, String cursor, int limit) {
        return Panache.getSession().chain(session -> Keyset.page(session, LeadActivity.class,
                "e.dealerId = :dealerId and e.leadId = :leadId", Map.of("dealerId", dealerId, "leadId", leadId),
                NEWEST_ACTIVITY_FIRST, cursor, limit));
    }

    /** The open leads a staff member is assigned: how many, and the first {@code limit} by next follow-up. */
    public Uni<OpenWork.Kind> openAssignedTo(UUID dealerId, UUID staffId, int limit) {
        String open = "from Lead l, com.dealerops.customer.Customer c where c.dealerId = l.dealerId "
                + "and c.id = l.customerId and l.dealerId = :dealerId and l.assigneeId = :staffId and l.status in :open";
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(l) " + open, Long.class)
                .setParameter("dealerId", dealerId).setParameter("staffId", staffId)
                .setParameter("open", LeadStatus.OPEN).getSingleResult()
                .chain(total -> session.createSelectionQuery("select l.id, c.name " + open
                        + " order by l.nextFollowUpAt, l.id", Object[].class)
                        .setParameter("dealerId", dealerId).setParameter("staffId", staffId)
                        .setParameter("open", LeadStatus.OPEN).setMaxResults(limit).getResultList()
                        .map(rows -> new OpenWork.Kind(total, rows.stream()
                                .map(row -> new OpenWorkSource.OpenWorkItem((UUID) row[0], (String) row[1]))
                                .toList()))));
    }
}
