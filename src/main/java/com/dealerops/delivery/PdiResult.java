package com.dealerops.delivery;

/** One checklist item's verdict. */
public enum PdiResult {
    PASS, FAIL
}
