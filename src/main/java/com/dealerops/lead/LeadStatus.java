package com.dealerops.lead;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands in the sales funnel (销售漏斗). */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, TEST_DRIVE, QUOTED, WON, LOST, DORMANT;

    static final Set<LeadStatus> OPEN = EnumSet.of(NEW, CONTACTED, QUALIFIED, TEST_DRIVE, QUOTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
