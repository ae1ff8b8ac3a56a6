package com.dealerops.common.security;

import java.util.Set;

/** The departments of a dealer (组织架构); a staff member's roles suggest theirs until the directory says otherwise. */
public enum Department {
    SALES, AFTER_SALES, CUSTOMER_SERVICE, FINANCE, ADMINISTRATION, MANAGEMENT, EXTERNAL;

    public static Department fromRoles(Set<Role> roles) {
        if (roles.contains(Role.SALES) || roles.contains(Role.SALES_MANAGER)) {
            return SALES;
        }
        if (roles.contains(Role.AFTER_SALES)) {
            return AFTER_SALES;
        }
        if (roles.contains(Role.CUSTOMER_SERVICE)) {
            return CUSTOMER_SERVICE;
        }
        if (roles.contains(Role.FINANCE)) {
            return FINANCE;
        }
        if (roles.contains(Role.ADMIN)) {
            return ADMINISTRATION;
        }
        return EXTERNAL;
    }
}
