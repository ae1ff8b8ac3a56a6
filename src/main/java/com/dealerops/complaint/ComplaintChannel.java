package com.dealerops.complaint;

/** How the complaint reached the dealer. */
public enum ComplaintChannel {
    WALK_IN, PHONE, WECHAT, EMAIL, SOCIAL_MEDIA, MANUFACTURER_HOTLINE
}
