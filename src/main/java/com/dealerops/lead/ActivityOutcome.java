package com.dealerops.lead;

public enum ActivityOutcome {
    REACHED, NO_ANSWER, CALL_BACK_REQUESTED, APPOINTMENT_SET, NOT_INTERESTED, WRONG_NUMBER, OTHER
}
