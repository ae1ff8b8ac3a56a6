package com.dealerops.common.security;

/** Role names as constants, for {@code @RolesAllowed}. */
public final class Roles {
    public static final String SALES = "sales";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String AFTER_SALES = "after-sales";
    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
