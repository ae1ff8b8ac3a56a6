package com.dealerops.settings;

/** How a follow-up reaches the customer. */
public enum FollowUpChannel {
    PHONE, WECHAT, SMS, VISIT
}
