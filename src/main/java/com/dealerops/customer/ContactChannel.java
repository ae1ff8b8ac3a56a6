package com.dealerops.customer;

/** How a customer prefers to be reached. */
public enum ContactChannel {
    PHONE, SMS, WECHAT, EMAIL, VISIT
}
