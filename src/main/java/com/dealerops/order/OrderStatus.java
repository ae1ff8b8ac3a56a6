package com.dealerops.order;

/** CONFIRMED → DEPOSIT_PAID → FULLY_PAID → DELIVERED, or CANCELLED before delivery. */
public enum OrderStatus {
    CONFIRMED, DEPOSIT_PAID, FULLY_PAID, DELIVERED, CANCELLED
}
