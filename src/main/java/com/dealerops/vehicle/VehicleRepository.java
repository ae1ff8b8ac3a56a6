package com.dealerops.vehicle;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class VehicleRepository implements PanacheRepositoryBase<Vehicle, UUID> {

    public Uni<Vehicle> findInDealer(UUID dealerId, UUID id) {
        return find("dealerId = ?1 and id = ?2", dealerId, id).firstResult();
    }

    public Uni<Vehicle> findByVin(UUID dealerId, String vin) {
        return find("dealerId = ?1 and vin = ?2", dealerId, vin).firstResult();
    }

    public Uni<Vehicle> findByStockNumber(UUID dealerId, String stockNumber) {
        return find("dealerId = ?1 and stockNumber = ?2", dealerId, stockNumber).firstResult();
    }
}
