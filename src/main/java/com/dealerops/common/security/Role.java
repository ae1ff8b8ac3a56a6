package com.dealerops.common.security;

import java.util.Optional;

/** The seven departments' roles, as they appear in the token's {@code groups} claim. */
public enum Role {
    SALES(Roles.SALES),
    SALES_MANAGER(Roles.SALES_MANAGER),
    AFTER_SALES(Roles.AFTER_SALES),
    CUSTOMER_SERVICE(Roles.CUSTOMER_SERVICE),
    FINANCE(Roles.FINANCE),
    ADMIN(Roles.ADMIN),
    INTEGRATION(Roles.INTEGRATION);

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue.equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
