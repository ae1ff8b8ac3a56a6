package com.dealerops.complaint;

/** How serious a complaint is; a safety issue is always CRITICAL. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
