package com.dealerops.lead;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.staff.OpenWork;
import com.dealerops.staff.OpenWorkSource;

import io.smallrye.mutiny.Uni;

/** The open leads a salesperson holds: a manager reassigns them before the salesperson leaves. */
@ApplicationScoped
public class LeadOpenWork implements OpenWorkSource {

    private final LeadRepository leads;

    public LeadOpenWork(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public String kind() {
        return "leads";
    }

    @Override
    public Uni<OpenWork.Kind> openWork(UUID dealerId, UUID staffId, int limit) {
        return leads.openAssignedTo(dealerId, staffId, limit);
    }
}
