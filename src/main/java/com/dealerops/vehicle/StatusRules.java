package com.dealerops.vehicle;

import java.util.List;
import java.util.Set;

import com.dealerops.common.security.Role;

/**
 * Which status changes exist and who may make them. Stock people (finance, admin) move cars through the normal
 * flow; a sales manager puts cars into and out of the demo fleet and reserves or releases them; only a sales
 * manager undoes a sale (SOLD → IN_STOCK), and only with a reason, which the history keeps.
 */
final class StatusRules {

    record Rule(VehicleStatus from, VehicleStatus to, Set<Role> roles, boolean reasonRequired) {
    }

    private static final Set<Role> STOCK = Set.of(Role.FINANCE, Role.ADMIN);
    private static final Set<Role> STOCK_AND_MANAGER = Set.of(Role.FINANCE, Role.ADMIN, Role.SALES_MANAGER);

    static final List<Rule> RULES = List.of(
            new Rule(VehicleStatus.IN_TRANSIT, VehicleStatus.IN_STOCK, STOCK, false),
            new Rule(VehicleStatus.IN_TRANSIT, VehicleStatus.UNAVAILABLE, STOCK, true),
            new Rule(VehicleStatus.IN_STOCK, VehicleStatus.RESERVED, STOCK_AND_MANAGER, false),
            new Rule(VehicleStatus.RESERVED, VehicleStatus.IN_STOCK, STOCK_AND_MANAGER, false),
            new Rule(VehicleStatus.RESERVED, VehicleStatus.SOLD, STOCK, false),
            new Rule(VehicleStatus.SOLD, VehicleStatus.DELIVERED, STOCK, false),
            new Rule(VehicleStatus.SOLD, VehicleStatus.IN_STOCK, Set.of(Role.SALES_MANAGER), true),
            new Rule(VehicleStatus.IN_STOCK, VehicleStatus.DEMO, STOCK_AND_MANAGER, false),
            new Rule(VehicleStatus.DEMO, VehicleStatus.IN_STOCK, STOCK_AND_MANAGER, false),
            new Rule(VehicleStatus.IN_STOCK, VehicleStatus.UNAVAILABLE, STOCK, true),
            new Rule(VehicleStatus.DEMO, VehicleStatus.UNAVAILABLE, STOCK, true),
            new Rule(VehicleStatus.UNAVAILABLE, VehicleStatus.IN_STOCK, STOCK, false));

    private StatusRules() {
    }

    static Rule find(VehicleStatus from, VehicleStatus to) {
        return RULES.stream().filter(r -> r.from() == from && r.to() == to).findFirst().orElse(null);
    }

    static List<VehicleStatus> targetsFrom(VehicleStatus from) {
        return RULES.stream().filter(r -> r.from() == from).map(Rule::to).toList();
    }
}
