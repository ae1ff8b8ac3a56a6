package com.dealerops.complaint;

/** What a complaint is about. */
public enum ComplaintCategory {
    SALES_PROCESS, PRICING, DELIVERY, VEHICLE_QUALITY, SERVICE_REPAIR, STAFF_ATTITUDE, BILLING, OTHER
}
