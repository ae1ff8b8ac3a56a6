package com.dealerops.order;

/** Money in (the deposit 定金, later payments) or out (a refund). */
public enum PaymentKind {
    DEPOSIT, PAYMENT, REFUND
}
