package com.dealerops.vehicle;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class VehicleRepository implements PanacheRepositoryBase<Vehicle, UUID> {

    public Uni<Vehicle> findInDealer(UUID dealerId, UUID id) {
        return find("dealerId = ?1 and id = ?2", dealerId, id).firstResult();
    }

    /** Read under a shared row lock (FOR SHARE) held to the end of the transaction. */
    public Uni<Vehicle> findInDealerForShare(UUID dealerId, UUID id) {
        return find("dealerId = ?1 and id = ?2", dealerId, id).withLock(LockModeType.PESSIMISTIC_READ).firstResult();
    }

    /** Read under an exclusive row lock (FOR UPDATE) held to the end of the transaction. */
    public Uni<Vehicle> findInDealerForUpdate(UUID dealerId, UUID id) {
        return find("dealerId = ?1 and id = ?2", dealerId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Test drives not yet done or cancelled that hold this car. */
    public Uni<Long> openTestDrives(UUID dealerId, UUID id) {
        return getSession().chain(session -> session.createNativeQuery("SELECT count(*) FROM test_drive "
                + "WHERE dealer_id = :dealerId AND vehicle_id = :id AND status IN ('SCHEDULED', 'IN_PROGRESS')",
                Long.class).setParameter("dealerId", dealerId).setParameter("id", id).getSingleResult());
    }

    /** The order, not cancelled and not delivered, that holds this car (null when none). */
    public Uni<UUID> liveOrder(UUID dealerId, UUID id) {
        return getSession().chain(session -> session.createNativeQuery("SELECT id FROM sales_order "
                + "WHERE dealer_id = :dealerId AND vehicle_id = :id AND status NOT IN ('CANCELLED', 'DELIVERED')",
                UUID.class).setParameter("dealerId", dealerId).setParameter("id", id).getSingleResultOrNull());
    }

    public Uni<Vehicle> findByVin(UUID dealerId, String vin) {
        return find("dealerId = ?1 and vin = ?2", dealerId, vin).firstResult();
    }

    public Uni<Vehicle> findByStockNumber(UUID dealerId, String stockNumber) {
        return find("dealerId = ?1 and stockNumber = ?2", dealerId, stockNumber).firstResult();
    }
}
