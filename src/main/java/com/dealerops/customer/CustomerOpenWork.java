package com.dealerops.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.staff.OpenWork;
import com.dealerops.staff.OpenWorkSource;

import io.smallrye.mutiny.Uni;

/** The customers a staff member owns: they need a new owner when the staff member leaves. */
@ApplicationScoped
public class CustomerOpenWork implements OpenWorkSource {

    private final CustomerRepository customers;

    public CustomerOpenWork(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public String kind() {
        return "customers";
    }

    @Override
    public Uni<OpenWork.Kind> openWork(UUID dealerId, UUID staffId, int limit) {
        return customers.ownedBy(dealerId, staffId, limit);
    }
}
