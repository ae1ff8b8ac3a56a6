package com.dealerops.lead;

/** What happened on a lead. INTEREST is recorded by the service when a duplicate intake is attached. */
public enum ActivityKind {
    CALL, MESSAGE, VISIT, NOTE, INTEREST;

    /** A call or a visit is a contact with the customer: on a NEW lead it is the first response. */
    boolean isContact() {
        return this == CALL || this == VISIT;
    }
}
