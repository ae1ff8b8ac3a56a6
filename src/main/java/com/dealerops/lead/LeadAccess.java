package com.dealerops.lead;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;

/**
 * Who may see and work which leads. Salespeople see the leads assigned to them and the unassigned pool, and work
 * their own; sales managers see and work all of the dealer's; customer service reads all; integration reads only
 * what it created, as the intake view. Finance, after-sales and admin see none (the resource's roles).
 */
final class LeadAccess {

    private LeadAccess() {
    }

    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.CUSTOMER_SERVICE);
    }

    static boolean canSee(Caller caller, Lead lead) {
        return seesAll(caller) || (caller.has(Role.SALES)
                && (lead.assigneeId == null || lead.assigneeId.equals(caller.staffId())));
    }

    /** Integration sees the leads it created, and only their intake fields. */
    static boolean seesIntakeOnly(Caller caller, Lead lead) {
        return !canSee(caller, lead) && caller.has(Role.INTEGRATION) && lead.createdBy.equals(caller.staffId());
    }

    static boolean canWork(Caller caller, Lead lead) {
        return caller.has(Role.SALES_MANAGER) || (caller.has(Role.SALES) && caller.staffId().equals(lead.assigneeId));
    }

    /** The customer's full phone: for those who call the customer about this lead. */
    static boolean seesPhone(Caller caller, Lead lead) {
        return seesAll(caller) || canWork(caller, lead);
    }

    /** 404 for a lead the caller may not see (no existence leak), 403 for one they see but may not work. */
    static void checkWork(Caller caller, Lead lead) {
        if (lead == null || !canSee(caller, lead)) {
            throw ProblemException.notFound("Lead");
        }
        if (!canWork(caller, lead)) {
            throw ProblemException.forbidden(lead.assigneeId == null
                    ? "This lead is in the unassigned pool: claim it first (POST /api/v1/leads/{id}/claim)"
                    : "Only the assigned salesperson or a sales manager may work this lead");
        }
    }
}
