package com.dealerops.lead;

public enum ActivityChannel {
    PHONE, SMS, WECHAT, EMAIL, IN_PERSON, PORTAL, OTHER
}
