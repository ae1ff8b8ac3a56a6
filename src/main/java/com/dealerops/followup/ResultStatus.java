package com.dealerops.followup;

/** How a follow-up attempt ended: the customer was reached (DONE) or not (MISSED). */
public enum ResultStatus {
    DONE, MISSED
}
