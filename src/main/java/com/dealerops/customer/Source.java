package com.dealerops.customer;

/** Where a customer (or a lead) came from. */
public enum Source {
    WALK_IN, PHONE, WEBSITE, THIRD_PARTY_PORTAL, REFERRAL, CAMPAIGN, EVENT, OTHER
}
