package com.dealerops.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.paging.SortKey;
import com.dealerops.staff.OpenWork;
import com.dealerops.staff.OpenWorkSource;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    static final SortKey<Customer> NEWEST_FIRST = SortKey.descending("createdAt", Instant.class,
            c -> c.createdAt, c -> c.id);
    static final SortKey<Customer> UPDATED_FIRST_TO_LAST = SortKey.ascending("updatedAt", Instant.class,
            c -> c.updatedAt, c -> c.id);
    static final List<SortKey<Customer>> SORTS = List.of(
            NEWEST_FIRST,
            SortKey.ascending("createdAt", Instant.class, c -> c.createdAt, c -> c.id),
            UPDATED_FIRST_TO_LAST,
            SortKey.descending("updatedAt", Instant.class, c -> c.updatedAt, c -> c.id),
            SortKey.ascending("name", String.class, c -> c.name, c -> c.id),
            SortKey.descending("name", String.class, c -> c.name, c -> c.id));

    /** What a list may be narrowed by; null means "any". */
    public record Filter(UUID ownerId, String phone, String namePrefix, Instant updatedSince) {
    }

    /** A customer of the dealer, deleted or not (callers decide what a tombstone means for them). */
    public Uni<Customer> findInDealer(UUID dealerId, UUID id) {
        return find("dealerId = ?1 and id = ?2", dealerId, id).firstResult();
    }

    public Uni<UUID> findActiveIdByPhone(UUID dealerId, String phone) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select c.id from Customer c where c.dealerId = :dealerId and c.phone = :phone "
                        + "and c.deletedAt is null", UUID.class)
                .setParameter("dealerId", dealerId)
                .setParameter("phone", phone)
                .getSingleResultOrNull());
    }

    public Uni<Customer> findActiveByPhone(UUID dealerId, String phone) {
        return find("dealerId = ?1 and phone = ?2 and deletedAt is null", dealerId, phone).firstResult();
    }

    /** The most recently created active customer with this email (emails, unlike phones, are not unique). */
    public Uni<Customer> findActiveByEmail(UUID dealerId, String email) {
        return find("dealerId = ?1 and lower(email) = ?2 and deletedAt is null order by createdAt desc, id desc",
                dealerId, email.toLowerCase(java.util.Locale.ROOT)).firstResult();
    }

    /** The customers a staff member owns: how many, and the first {@code limit} by name. */
    public Uni<OpenWork.Kind> ownedBy(UUID dealerId, UUID ownerId, int limit) {
        String owned = "from Customer c where c.dealerId = :dealerId and c.ownerId = :ownerId and c.deletedAt is null";
        return getSession().chain(session -> session.createSelectionQuery("select count(c) " + owned, Long.class)
                .setParameter("dealerId", dealerId).setParameter("ownerId", ownerId).getSingleResult()
                .chain(total -> session.createSelectionQuery("select c.id, c.name " + owned + " order by c.name, c.id",
                        Object[].class)
                        .setParameter("dealerId", dealerId).setParameter("ownerId", ownerId)
                        .setMaxResults(limit).getResultList()
                        .map(rows -> new OpenWork.Kind(total, rows.stream()
                                .map(row -> new OpenWorkSource.OpenWorkItem((UUID) row[0], (String) row[1]))
                                .toList()))));
    }
}
