package com.dealerops.quote;

/** Why a quote needs a sales manager's approval before it may be sent. */
public enum ApprovalReason {
    DISCOUNT_ABOVE_LIMIT, MARGIN_BELOW_MINIMUM, COST_UNKNOWN
}
