package com.dealerops.followup;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.staff.OpenWork;
import com.dealerops.staff.OpenWorkSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The follow-ups still due that a staff member holds: customer service or a manager gives them to someone else. */
@ApplicationScoped
public class FollowUpOpenWork implements OpenWorkSource {

    private static final String DUE = "from FollowUp f, com.dealerops.customer.Customer c where c.dealerId = f.dealerId "
            + "and c.id = f.customerId and f.dealerId = :dealerId and f.assigneeId = :staffId and f.status = :due";

    @Override
    public String kind() {
        return "followUps";
    }

    @Override
    public Uni<OpenWork.Kind> openWork(UUID dealerId, UUID staffId, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(f) " + DUE, Long.class)
                .setParameter("dealerId", dealerId).setParameter("staffId", staffId)
                .setParameter("due", FollowUpStatus.DUE).getSingleResult()
                .chain(total -> session.createSelectionQuery("select f.id, c.name, f.kind " + DUE
                        + " order by f.dueAt, f.id", Object[].class)
                        .setParameter("dealerId", dealerId).setParameter("staffId", staffId)
                        .setParameter("due", FollowUpStatus.DUE).setMaxResults(limit).getResultList()
                        .map(rows -> new OpenWork.Kind(total, rows.stream()
                                .map(row -> new OpenWorkSource.OpenWorkItem((UUID) row[0], row[1] + " · " + row[2]))
                                .toList()))));
    }
}
