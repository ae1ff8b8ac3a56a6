package com.dealerops.complaint;

/** The kind of root cause an investigation found (持续改进 groups them). */
public enum RootCause {
    PROCESS, PRODUCT, STAFF, COMMUNICATION, SUPPLIER, CUSTOMER_EXPECTATION, OTHER
}
