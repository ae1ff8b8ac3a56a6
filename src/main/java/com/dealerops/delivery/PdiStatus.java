package com.dealerops.delivery;

/** The verdict of a delivery's latest pre-delivery inspection. */
public enum PdiStatus {
    NOT_DONE, PASSED, FAILED
}
