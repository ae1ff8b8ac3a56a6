package com.dealerops.complaint;

import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;

/**
 * Who sees what of a complaint (公正). Customer service, who handle complaints, and sales managers see every
 * complaint in full, except one that names them: staff a complaint names read only its summary, whatever their
 * role. Whoever registered a complaint follows its status (summary); finance sees complaints with compensation,
 * with the compensation. Everyone else sees nothing.
 */
final class ComplaintAccess {

    private ComplaintAccess() {
    }

    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.CUSTOMER_SERVICE, Role.SALES_MANAGER);
    }

    /** Full view: customer service, sales managers, and whoever the complaint was escalated to; never those named. */
    static boolean full(Caller caller, Complaint complaint) {
        return (seesAll(caller) || caller.staffId().equals(complaint.escalatedTo))
                && !complaint.names(caller.staffId());
    }

    static boolean finance(Caller caller, Complaint complaint) {
        return caller.has(Role.FINANCE) && complaint.compensationKind != null;
    }

    static boolean canSee(Caller caller, Complaint complaint) {
        return complaint.dealerId.equals(caller.dealerId()) && (seesAll(caller) || complaint.names(caller.staffId())
                || caller.staffId().equals(complaint.createdBy) || caller.staffId().equals(complaint.escalatedTo)
                || finance(caller, complaint));
    }

    /** Handling: the handler, or customer service; never staff the complaint names. */
    static boolean mayHandle(Caller caller, Complaint complaint) {
        return !complaint.names(caller.staffId()) && (caller.staffId().equals(complaint.handlerId)
                || caller.has(Role.CUSTOMER_SERVICE));
    }

    /** Assigning a handler and escalating by hand: customer service and sales managers the complaint does not name. */
    static boolean mayDirect(Caller caller, Complaint complaint) {
        return full(caller, complaint);
    }
}
