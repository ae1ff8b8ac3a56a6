package com.dealerops.delivery;

/** SCHEDULED → COMPLETED (handed over), or CANCELLED. */
public enum DeliveryStatus {
    SCHEDULED, COMPLETED, CANCELLED
}
