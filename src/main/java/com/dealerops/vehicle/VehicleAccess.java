package com.dealerops.vehicle;

import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;

/**
 * What of a vehicle a caller sees. Costs, margins and purchase data are for finance, sales managers and admins;
 * third parties (integration) see public stock only: IN_STOCK vehicles, nothing internal.
 */
final class VehicleAccess {

    private VehicleAccess() {
    }

    static boolean seesCost(Caller caller) {
        return caller.hasAny(Role.FINANCE, Role.SALES_MANAGER, Role.ADMIN);
    }

    /** Integration and nothing else: the public view of IN_STOCK vehicles. */
    static boolean publicOnly(Caller caller) {
        return caller.has(Role.INTEGRATION) && !caller.hasAny(Role.SALES, Role.SALES_MANAGER, Role.AFTER_SALES,
                Role.CUSTOMER_SERVICE, Role.FINANCE, Role.ADMIN);
    }

    static boolean canSee(Caller caller, Vehicle vehicle) {
        return !publicOnly(caller) || vehicle.status == VehicleStatus.IN_STOCK;
    }
}
