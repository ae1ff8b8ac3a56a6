package com.dealerops.quote;

/** Services sold with the car. */
public enum ServiceKind {
    INSURANCE, REGISTRATION, EXTENDED_WARRANTY, OTHER
}
