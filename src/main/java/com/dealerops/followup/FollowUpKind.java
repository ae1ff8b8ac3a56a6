package com.dealerops.followup;

/**
 * Why a customer is being followed up. CARE_CALLBACK is customer service calling back a customer who gave a low
 * score, opened by the survey that recorded it.
 */
public enum FollowUpKind {
    POST_DELIVERY, LEAD_NURTURE, POST_SERVICE, COMPLAINT_CLOSURE, SURVEY, CARE_CALLBACK
}
