package com.dealerops.customer;

/** When a customer prefers to be reached. */
public enum ContactTime {
    MORNING, NOON, AFTERNOON, EVENING, WEEKEND, ANYTIME
}
