package com.dealerops.complaint;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.staff.OpenWork;
import com.dealerops.staff.OpenWorkSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The open complaints a handler holds: someone else takes them over before the handler leaves. */
@ApplicationScoped
public class ComplaintOpenWork implements OpenWorkSource {

    private static final String OPEN = "from Complaint c, com.dealerops.customer.Customer cu where cu.dealerId = "
            + "c.dealerId and cu.id = c.customerId and c.dealerId = :dealerId and c.handlerId = :staffId and "
            + "c.status not in :closed";
    private static final List<ComplaintStatus> CLOSED = List.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

    @Override
    public String kind() {
        return "complaints";
    }

    @Override
    public Uni<OpenWork.Kind> openWork(UUID dealerId, UUID staffId, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(c) " + OPEN, Long.class)
                .setParameter("dealerId", dealerId).setParameter("staffId", staffId).setParameter("closed", CLOSED)
                .getSingleResult()
                .chain(total -> session.createSelectionQuery("select c.id, cu.name " + OPEN
                        + " order by c.receivedAt, c.id", Object[].class)
                        .setParameter("dealerId", dealerId).setParameter("staffId", staffId)
                        .setParameter("closed", CLOSED).setMaxResults(limit).getResultList()
                        .map(rows -> new OpenWork.Kind(total, rows.stream()
                                .map(row -> new OpenWorkSource.OpenWorkItem((UUID) row[0], (String) row[1]))
                                .toList()))));
    }
}
