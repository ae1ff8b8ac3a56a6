package com.dealerops.customer;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;

/**
 * Who may see and change which customers. Salespeople work on the customers they own; managers, customer
 * service and after-sales read all of the dealer's; only salespeople and managers write, and after-sales (who
 * do not call customers about sales) see contact details masked. Finance, admin and integration see no
 * customers at all (enforced by the resource's roles).
 */
final class CustomerAccess {

    private CustomerAccess() {
    }

    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.CUSTOMER_SERVICE, Role.AFTER_SALES);
    }

    static boolean canSee(Caller caller, Customer customer) {
        return seesAll(caller) || owns(caller, customer);
    }

    static boolean owns(Caller caller, Customer customer) {
        return caller.has(Role.SALES) && caller.staffId().equals(customer.ownerId);
    }

    static boolean canChange(Caller caller, Customer customer) {
        return caller.has(Role.SALES_MANAGER) || owns(caller, customer);
    }

    static boolean seesContactDetails(Caller caller) {
        return caller.hasAny(Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER_SERVICE);
    }

    static boolean assignsOthers(Caller caller) {
        return caller.has(Role.SALES_MANAGER);
    }

    /** 404 for a customer the caller may not see (no existence leak), 403 for one they see but may not change. */
    static void checkChange(Caller caller, Customer customer) {
        if (customer == null || customer.isDeleted() || !canSee(caller, customer)) {
            throw ProblemException.notFound("Customer");
        }
        if (!canChange(caller, customer)) {
            throw ProblemException.forbidden("Only the owning salesperson or a sales manager may change this "
                    + "customer");
        }
    }
}
