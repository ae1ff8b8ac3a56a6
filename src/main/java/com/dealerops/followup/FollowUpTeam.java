package com.dealerops.followup;

import java.util.Set;

/** The department a follow-up belongs to; customer service's may wait unassigned in the team's queue. */
public enum FollowUpTeam {
    SALES(Set.of("sales", "sales-manager")), AFTER_SALES(Set.of("after-sales")),
    CUSTOMER_SERVICE(Set.of("customer-service"));

    private final Set<String> roleClaims;

    FollowUpTeam(Set<String> roleClaims) {
        this.roleClaims = roleClaims;
    }

    /** The role claims of the team's members. */
    Set<String> roleClaims() {
        return roleClaims;
    }
}
