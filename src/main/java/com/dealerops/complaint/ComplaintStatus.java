package com.dealerops.complaint;

/**
 * RECEIVED → ACKNOWLEDGED → INVESTIGATING (⇄ WAITING_CUSTOMER) → RESOLVED → CLOSED; ESCALATED from any open state
 * (by hand or when a deadline passes); a customer not satisfied with the resolution reopens it (INVESTIGATING).
 */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, INVESTIGATING, WAITING_CUSTOMER, ESCALATED, RESOLVED, CLOSED
}
