package com.dealerops.complaint;

/** Money paid back, or a goodwill item (a free service, an accessory) counted at its value. */
public enum CompensationKind {
    CASH, GOODWILL
}
