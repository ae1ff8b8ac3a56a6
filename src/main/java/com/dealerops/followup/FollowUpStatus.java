package com.dealerops.followup;

/** DUE → DONE | MISSED (a result recorded) | RESCHEDULED (replaced by a new follow-up) | CANCELLED. */
public enum FollowUpStatus {
    DUE, DONE, MISSED, RESCHEDULED, CANCELLED
}
